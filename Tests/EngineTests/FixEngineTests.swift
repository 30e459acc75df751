import PythonSyntax
import XCTest

@testable import Engine

/// A fake rule for the engine tests: the tree in, findings with fixes out.
typealias FakeRule = (SyntaxTree) -> [Finding]

/// Parses `text`, checking the round trip every test relies on.
func parseChecked(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) -> SyntaxTree {
  let tree = SyntaxTree.parse(SourceBuffer(bytes))
  XCTAssertEqual(tree.printed(), bytes, "round trip", file: file, line: line)
  return tree
}

func parseChecked(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> SyntaxTree {
  parseChecked(Array(text.utf8), file: file, line: line)
}

/// A rule `code` reporting every token whose text is `text`, with the fixes `fixes(tokenRange)`.
func tokenRule(_ code: String, _ text: String, fixes: @escaping (Range<UInt32>) -> [Fix]) -> FakeRule {
  { tree in
    XCTAssertEqual(tree.printed(), tree.source.bytes, "every tree the loop parses round-trips")
    let rule = RuleIdentity(code: code, name: "fake-\(code.lowercased())")
    return (0..<UInt32(tree.tokens.count)).compactMap { token in
      guard tree.tokenText(token) == text, !tree.tokens.kinds[Int(token)].isLayout else { return nil }
      let range = tree.tokens.textRange(token)
      return Finding(rule: rule, message: "found \(text)", path: "t.py", range: range, fixes: fixes(range), in: tree.source)
    }
  }
}

/// A rule `code` replacing every token `text` by `replacement` with a fix of `applicability`.
func replacingRule(_ code: String, _ text: String, _ replacement: String, _ applicability: Applicability = .safe)
  -> FakeRule
{
  tokenRule(code, text) { range in
    [Fix(message: "Replace with `\(replacement)`", applicability: applicability, edits: [Edit(range: range, replacement: replacement)])]
  }
}

func combined(_ rules: FakeRule...) -> FakeRule {
  { tree in rules.flatMap { $0(tree) } }
}

func runLoop(_ text: String, mode: FixMode = .safe, _ rules: @escaping FakeRule) -> FixOutcome {
  FixLoop.run(Array(text.utf8), mode: mode, rules: rules)
}

extension FixOutcome {
  var text: String { String(decoding: bytes, as: UTF8.self) }
}

final class FixEngineTests: XCTestCase {
  // MARK: Edits

  func testEditsApplyInOneCopyAndIdenticalEditsOnce() {
    let bytes = Array("abcdef".utf8)
    let edits = [
      Edit(range: 4..<6, replacement: "XY"), Edit.insertion("<", at: 0), Edit.deletion(1..<2),
      Edit.insertion("<", at: 0),
    ]
    XCTAssertEqual(String(decoding: Edit.apply(edits, to: bytes), as: UTF8.self), "<acdXY")
  }

  func testConflictsIncludeTouchingEditsButNotInsertionsAtDifferentPoints() {
    let replacement = Edit(range: 5..<8, replacement: "x")
    XCTAssertTrue(replacement.conflicts(with: Edit(range: 7..<9, replacement: "y")), "overlap")
    XCTAssertTrue(replacement.conflicts(with: Edit(range: 8..<9, replacement: "y")), "touching at the end")
    XCTAssertTrue(replacement.conflicts(with: Edit(range: 2..<5, replacement: "y")), "touching at the start")
    XCTAssertTrue(replacement.conflicts(with: .insertion("y", at: 5)), "insertion at its start")
    XCTAssertTrue(replacement.conflicts(with: .insertion("y", at: 8)), "insertion at its end")
    XCTAssertTrue(replacement.conflicts(with: .insertion("y", at: 6)), "insertion inside")
    XCTAssertFalse(replacement.conflicts(with: Edit(range: 9..<10, replacement: "y")))
    XCTAssertFalse(replacement.conflicts(with: replacement), "identical edits are applied once")
    XCTAssertTrue(Edit.insertion("a", at: 3).conflicts(with: .insertion("b", at: 3)), "same point")
    XCTAssertFalse(Edit.insertion("a", at: 3).conflicts(with: .insertion("b", at: 4)), "different points")
  }

  func testMalformedFixesAreNotApplicable() {
    let bytes = Array("abcdef".utf8)
    XCTAssertFalse(Fix.safe("none").isApplicable(to: bytes), "no edits")
    XCTAssertFalse(Fix.safe("past end", Edit(range: 5..<9, replacement: "x")).isApplicable(to: bytes))
    XCTAssertFalse(
      Fix.safe("overlap", Edit(range: 1..<3, replacement: "x"), Edit(range: 2..<4, replacement: "y")).isApplicable(to: bytes))
    XCTAssertFalse(Fix.safe("no-op", Edit(range: 1..<3, replacement: "bc")).isApplicable(to: bytes))
    XCTAssertFalse(Fix.safe("two insertions at one point", .insertion("x", at: 1), .insertion("y", at: 1)).isApplicable(to: bytes))
    XCTAssertTrue(
      Fix.safe("touching inside one fix", .insertion("await ", at: 1), Edit(range: 1..<3, replacement: "x"))
        .isApplicable(to: bytes))
  }

  // MARK: Applicability

  func testTheModeAppliesTheFirstAlternativeItAllows() {
    let unsafe = Fix.unsafe("unsafe", .insertion("u", at: 0))
    let safe = Fix.safe("safe", .insertion("s", at: 0))
    let display = Fix.displayOnly("display", .insertion("d", at: 0))
    let finding = Finding(
      rule: RuleIdentity(code: "AF999", name: "x"), message: "m", path: "p", range: 0..<1,
      fixes: [display, unsafe, safe], in: SourceBuffer("x\n"))
    XCTAssertEqual(finding.fix(for: .safe)?.message, "safe")
    XCTAssertEqual(finding.fix(for: .safeAndUnsafe)?.message, "unsafe")
    XCTAssertEqual(finding.displayedFix(for: .safe)?.message, "safe")
    let displayOnly = Finding(
      rule: RuleIdentity(code: "AF999", name: "x"), message: "m", path: "p", range: 0..<1, fixes: [display],
      in: SourceBuffer("x\n"))
    XCTAssertNil(displayOnly.fix(for: .safeAndUnsafe), "display-only fixes are never applied")
    XCTAssertEqual(displayOnly.displayedFix(for: .safe)?.message, "display")
    XCTAssertEqual(displayOnly.fixes[0].edits[0].span, TextPosition(line: 1, column: 1)..<TextPosition(line: 1, column: 1))
  }

  func testUnsafeFixesNeedTheUnsafeMode() {
    let rule = tokenRule("AF110", "foo") { range in
      [
        .unsafe("unsafe", Edit(range: range, replacement: "unsafe_foo")),
        .safe("safe", Edit(range: range, replacement: "safe_foo")),
      ]
    }
    XCTAssertEqual(runLoop("foo = 1\n", mode: .safe, rule).text, "safe_foo = 1\n")
    XCTAssertEqual(runLoop("foo = 1\n", mode: .safeAndUnsafe, rule).text, "unsafe_foo = 1\n")
    let unsafeOnly = replacingRule("AF110", "foo", "bar", .unsafe)
    let safeRun = runLoop("foo = 1\n", mode: .safe, unsafeOnly)
    XCTAssertEqual(safeRun.text, "foo = 1\n")
    XCTAssertFalse(safeRun.changed)
    XCTAssertEqual(safeRun.remainingFindings.map(\.code), ["AF110"], "an unapplied finding remains")
    let display = tokenRule("AF110", "foo") { range in [.displayOnly("show", Edit(range: range, replacement: "bar"))] }
    XCTAssertEqual(runLoop("foo = 1\n", mode: .safeAndUnsafe, display).text, "foo = 1\n")
  }

  // MARK: The loop

  func testAppliesEveryFixInOnePassAndIsIdempotent() {
    let rule = replacingRule("AF102", "sleep", "sleep_ms")
    let input = "import time\r\nasync def f():\r\n    time.sleep(1)  # wait\r\n    time.sleep(2)\r\n"
    let outcome = runLoop(input, rule)
    XCTAssertEqual(outcome.text, "import time\r\nasync def f():\r\n    time.sleep_ms(1)  # wait\r\n    time.sleep_ms(2)\r\n")
    XCTAssertEqual(outcome.passes.count, 1)
    XCTAssertEqual(outcome.appliedFixes.count, 2)
    XCTAssertEqual(outcome.remainingFindings, [])
    XCTAssertEqual(outcome.problems, [])
    XCTAssertEqual(outcome.tree.printed(), outcome.bytes)
    let again = FixLoop.run(outcome.bytes, mode: .safe, rules: rule)
    XCTAssertEqual(again.bytes, outcome.bytes, "fixing the output changes nothing")
    XCTAssertFalse(again.changed)
  }

  func testAFixEnabledByAnotherRunsInTheNextPass() {
    let rules = combined(replacingRule("AF110", "a", "b"), replacingRule("AF120", "b", "c"))
    let outcome = runLoop("a = 1\n", rules)
    XCTAssertEqual(outcome.text, "c = 1\n")
    XCTAssertEqual(outcome.passes.map(\.number), [1, 2])
    XCTAssertEqual(outcome.appliedFixes.map(\.finding.code), ["AF110", "AF120"])
    XCTAssertEqual(outcome.passes[0].output, outcome.passes[1].input)
    XCTAssertEqual(runLoop(outcome.text, rules).bytes, outcome.bytes, "idempotent")
  }

  func testOverlappingFixesWaitForTheNextPassInADeterministicOrder() {
    // Both rules want the same token; the lower code wins whatever order the rules run in, and
    // the loser is re-run on the new text (where it no longer applies).
    let first = replacingRule("AF110", "foo", "bar")
    let second = replacingRule("AF120", "foo", "baz")
    for rules in [combined(first, second), combined(second, first)] {
      let outcome = runLoop("foo = foo\n", rules)
      XCTAssertEqual(outcome.text, "bar = bar\n")
      XCTAssertEqual(outcome.passes.count, 1)
      XCTAssertEqual(outcome.appliedFixes.map(\.finding.code), ["AF110", "AF110"])
    }
    // A waiting fix that still applies is taken in the second pass.
    let inserting = tokenRule("AF100", "foo") { range in [.safe("prefix", .insertion("x_", at: range.lowerBound))] }
    let renaming = replacingRule("AF120", "foo", "foo2")
    let outcome = runLoop("foo = 1\n", combined(renaming, inserting))
    XCTAssertEqual(outcome.passes.map { $0.applied.map(\.finding.code) }, [["AF100"]], "touching edits conflict")
    XCTAssertEqual(outcome.text, "x_foo = 1\n", "AF120's token is now x_foo, so it no longer applies")
  }

  func testFixesAreOrderedByPositionBeforeCode() {
    // AF120 at `a` comes before AF110 at `b`: AF120's long edit wins, AF110's waits and dies.
    let wide = tokenRule("AF120", "a") { range in [.safe("wide", Edit(range: range.lowerBound..<range.upperBound + 4, replacement: "z"))] }
    let narrow = replacingRule("AF110", "b", "c")
    let outcome = runLoop("a + b\n", combined(narrow, wide))
    XCTAssertEqual(outcome.text, "z\n")
    XCTAssertEqual(outcome.appliedFixes.map(\.finding.code), ["AF120"])
  }

  func testIdenticalEditsOfSeveralFixesApplyOnceInOnePass() {
    let rule = tokenRule("AF102", "sleep") { range in
      [.safe("sleep_ms", .insertion("import asyncio\n", at: 0), Edit(range: range, replacement: "sleep_ms"))]
    }
    let outcome = runLoop("time.sleep(1)\ntime.sleep(2)\n", rule)
    XCTAssertEqual(outcome.text, "import asyncio\ntime.sleep_ms(1)\ntime.sleep_ms(2)\n")
    XCTAssertEqual(outcome.passes.count, 1)
  }

  func testAPassThatBreaksAValidFileIsRolledBack() {
    // Pass 1 renames `a` (fine); pass 2 would also delete the colon after `b`: rolled back.
    let rename = replacingRule("AF110", "a", "b")
    let breaking = tokenRule("AF130", "b") { range in [.safe("drop colon", Edit(range: range.upperBound..<range.upperBound + 1, replacement: ""))] }
    let rename2 = replacingRule("AF140", "x", "y")
    let input = "if a: x\n"
    let outcome = runLoop(input, combined(rename, breaking, rename2))
    XCTAssertEqual(outcome.passes.count, 1)
    XCTAssertEqual(outcome.text, "if b: y\n", "the last good text is kept")
    XCTAssertEqual(outcome.tree.diagnostics, [])
    guard case .rolledBack(let pass, let fixes, let syntaxError)? = outcome.problems.first else {
      return XCTFail("expected a rollback, got \(outcome.problems)")
    }
    XCTAssertEqual(outcome.problems.count, 1)
    XCTAssertEqual(pass, 2)
    XCTAssertEqual(fixes.map(\.finding.code), ["AF130"])
    XCTAssertFalse(syntaxError.isEmpty)
    XCTAssertTrue(outcome.problems[0].description.hasPrefix("fixes rolled back because they introduced a syntax error"))
    XCTAssertTrue(outcome.problems[0].description.hasSuffix(": AF130 at 1:4"), outcome.problems[0].description)
    XCTAssertEqual(outcome.remainingFindings.map(\.code), ["AF130"], "the findings of the last good text remain")

    // Everything in the breaking pass goes, the good fixes of that pass included.
    let together = runLoop("if b: x\n", combined(breaking, rename2))
    XCTAssertEqual(together.text, "if b: x\n")
    XCTAssertFalse(together.changed)
    if case .rolledBack(_, let fixes, _)? = together.problems.first {
      XCTAssertEqual(fixes.map(\.finding.code), ["AF130", "AF140"])
    } else {
      XCTFail("expected a rollback")
    }
  }

  func testAFileThatAlreadyHadErrorsIsStillFixed() {
    let outcome = runLoop("if a x\nfoo = 1\n", replacingRule("AF110", "foo", "bar"))
    XCTAssertEqual(outcome.text, "if a x\nbar = 1\n")
    XCTAssertEqual(outcome.problems, [])
  }

  func testAPassThatAddsErrorsToAnInvalidFileIsRolledBack() {
    // The file already has an error on line 1; the fix would add another on line 2.
    let outcome = runLoop("if a x\nfoo = 1\n", replacingRule("AF110", "foo", "foo ="))
    XCTAssertEqual(outcome.text, "if a x\nfoo = 1\n")
    XCTAssertFalse(outcome.changed)
    guard case .rolledBack(let pass, let fixes, _)? = outcome.problems.first else {
      return XCTFail("expected a rollback, got \(outcome.problems)")
    }
    XCTAssertEqual(pass, 1)
    XCTAssertEqual(fixes.map(\.finding.code), ["AF110"])
    // Growing text before an existing error only moves it: still fixed.
    let moved = runLoop("foo = 1\nif a x\n", replacingRule("AF110", "foo", "longer_name"))
    XCTAssertEqual(moved.text, "longer_name = 1\nif a x\n")
    XCTAssertEqual(moved.problems, [])
  }

  func testARuleThatNeverConvergesStopsAtTheBound() {
    // Every pass offers to increment the number again.
    let rule: FakeRule = { tree in
      XCTAssertEqual(tree.printed(), tree.source.bytes)
      return (0..<UInt32(tree.tokens.count)).compactMap { token in
        guard tree.tokens.kinds[Int(token)] == .number, let value = Int(tree.tokenText(token)) else { return nil }
        let range = tree.tokens.textRange(token)
        return Finding(
          rule: RuleIdentity(code: "AF150", name: "increment"), message: "m", path: "t.py", range: range,
          fixes: [.safe("increment", Edit(range: range, replacement: String(value + 1)))], in: tree.source)
      }
    }
    let outcome = runLoop("x = 0\n", rule)
    XCTAssertEqual(outcome.text, "x = 10\n")
    XCTAssertEqual(outcome.passes.count, FixLoop.maximumPasses)
    XCTAssertEqual(outcome.problems, [.didNotConverge(passes: 10)])
    XCTAssertEqual(outcome.problems.first?.description, "fixes did not converge after 10 passes")
    XCTAssertEqual(outcome.remainingFindings.count, 1)
    XCTAssertEqual(FixLoop.run(Array("x = 0\n".utf8), mode: .safe, maximumPasses: 3, rules: rule).problems, [.didNotConverge(passes: 3)])
  }

  func testMalformedFixesAreLeftOutWithoutStoppingOthers() {
    let broken = tokenRule("AF110", "foo") { _ in [.safe("past the end", Edit(range: 0..<10_000, replacement: "x"))] }
    let good = replacingRule("AF120", "bar", "baz")
    let outcome = runLoop("foo = bar\n", combined(broken, good))
    XCTAssertEqual(outcome.text, "foo = baz\n")
    XCTAssertEqual(outcome.remainingFindings.map(\.code), ["AF110"])
  }

  func testSuppressedFindingsAreNeitherFixedNorReported() {
    let rule = replacingRule("AF110", "foo", "bar")
    let input = "foo = 1  # noqa: AF110\nfoo = (1,  # asyncfix: ignore[AF120]\n  foo)\nx = \"# noqa\"; foo\n"
    let outcome = runLoop(input, rule)
    XCTAssertEqual(outcome.text, "foo = 1  # noqa: AF110\nbar = (1,  # asyncfix: ignore[AF120]\n  bar)\nx = \"# noqa\"; bar\n")
    XCTAssertEqual(outcome.remainingFindings, [])
    let skipped = runLoop("foo = 1\n# asyncfix: skip-file\n", rule)
    XCTAssertFalse(skipped.changed)
    XCTAssertEqual(skipped.remainingFindings, [])
  }

  func testHunksShowTheWholeLinesEachFixChanged() {
    let rule = tokenRule("AF102", "sleep") { range in
      [.safe("sleep_ms", .insertion("import asyncio\n", at: 0), Edit(range: range, replacement: "sleep_ms"))]
    }
    let outcome = runLoop("import time\n\ntime.sleep(1)\nx = 1\n", rule)
    let hunk = outcome.appliedFixes[0].hunk
    XCTAssertEqual(hunk.line, 1)
    XCTAssertEqual(String(decoding: hunk.original, as: UTF8.self), "import time\n\ntime.sleep(1)\n")
    XCTAssertEqual(String(decoding: hunk.fixed, as: UTF8.self), "import asyncio\nimport time\n\ntime.sleep_ms(1)\n")
    let append = tokenRule("AF110", "1") { range in [.safe("append", .insertion("\ny = 2", at: range.upperBound))] }
    let atEnd = runLoop("x = 1", { tree in tree.source.bytes.contains(UInt8(ascii: "y")) ? [] : append(tree) })
    XCTAssertEqual(atEnd.text, "x = 1\ny = 2")
    XCTAssertEqual(String(decoding: atEnd.appliedFixes[0].hunk.fixed, as: UTF8.self), "x = 1\ny = 2")
  }

  func testAFakeBlockingSleepRuleWithItsImportConvergesInOnePass() {
    // `time.sleep` → `await asyncio.sleep`, adding `import asyncio` once for all findings.
    let rule: FakeRule = { tree in
      XCTAssertEqual(tree.printed(), tree.source.bytes)
      let hasImport = tree.source.bytes.firstRange(of: Array("import asyncio".utf8)) != nil
      return (0..<UInt32(max(0, tree.tokens.count - 2))).compactMap { token in
        guard tree.tokenText(token) == "time", tree.tokenText(token + 1) == ".", tree.tokenText(token + 2) == "sleep"
        else { return nil }
        let range = tree.tokens.textStarts[Int(token)]..<tree.tokens.textEnds[Int(token) + 2]
        var edits = [Edit(range: range, replacement: "await asyncio.sleep")]
        if !hasImport { edits.append(ImportInsertion.insert("import asyncio", into: tree)) }
        return Finding(
          rule: RuleIdentity(code: "AF102", name: "blocking-sleep"), message: "blocks", path: "t.py", range: range,
          fixes: [Fix(message: "Use `await asyncio.sleep`", applicability: .safe, edits: edits)], in: tree.source)
      }
    }
    let input = [
      "\"\"\"Blink.\"\"\"", "import time", "# comment", "", "async def blink():", "    while True:",
      "        time.sleep(0.5)  # noqa: AF102", "        time.sleep(1)", "        x = \"time.sleep(2)\"",
      "        time.sleep(0.25)",
    ].joined(separator: "\r\n")
    let outcome = runLoop(input, rule)
    XCTAssertEqual(
      outcome.text,
      [
        "\"\"\"Blink.\"\"\"", "import time", "import asyncio", "# comment", "", "async def blink():", "    while True:",
        "        time.sleep(0.5)  # noqa: AF102", "        await asyncio.sleep(1)", "        x = \"time.sleep(2)\"",
        "        await asyncio.sleep(0.25)",
      ].joined(separator: "\r\n"))
    XCTAssertEqual(outcome.passes.count, 1)
    XCTAssertEqual(outcome.appliedFixes.count, 2)
    XCTAssertEqual(outcome.remainingFindings, [], "the suppressed finding is not reported")
    XCTAssertEqual(outcome.tree.diagnostics, [])
    XCTAssertFalse(FixLoop.run(outcome.bytes, mode: .safe, rules: rule).changed, "idempotent")
  }

  func testFindingOrderDoesNotChangeTheResult() {
    let first = replacingRule("AF110", "foo", "bar")
    let second = tokenRule("AF120", "foo") { range in [.safe("x", .insertion("y", at: range.upperBound))] }
    let reversed: FakeRule = { tree in combined(first, second)(tree).reversed() }
    XCTAssertEqual(runLoop("foo(foo)\n", combined(first, second)).bytes, runLoop("foo(foo)\n", reversed).bytes)
  }
}
