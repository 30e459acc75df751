import Engine
import Semantics
import PythonSyntax
import Transforms
import XCTest

/// Every registered rule's examples, as SwiftLint runs its rules' examples: each triggering example
/// gives findings exactly at its `↓` markers, each non-triggering one none, each correction fixes
/// `before` to exactly `after`. Then the examples again in disguise: inside a string or a comment
/// they give nothing, with a suppression comment on each marked line nothing either, and fixing
/// non-triggering code changes nothing.
///
/// The rules all run, as in `check`; only the findings and fixes of the rule under test count, so
/// an example may rely on another rule's part (a sleep AF102 converts is AF103's await point).
final class RuleExamplesTests: XCTestCase {
  func testEveryRuleHasExamplesOfEachKind() {
    for rule in RuleRegistry.descriptions {
      XCTAssertFalse(rule.triggeringExamples.isEmpty, "\(rule.code) has no triggering example")
      XCTAssertFalse(rule.nonTriggeringExamples.isEmpty, "\(rule.code) has no non-triggering example")
      if rule.fixAvailability != .none {
        XCTAssertFalse(rule.corrections.isEmpty, "\(rule.code) has a fix but no correction")
      }
      XCTAssertFalse(rule.nodeKinds.isEmpty, "\(rule.code) visits no node kind")
    }
  }

  func testTriggeringExamplesGiveFindingsAtTheirMarkers() {
    for rule in RuleRegistry.descriptions {
      for example in rule.triggeringExamples {
        assertParses(example)
        let found = findings(example, of: rule)
        XCTAssertFalse(
          example.markerOffsets.isEmpty, "a triggering example needs a ↓", file: example.file, line: example.line)
        XCTAssertEqual(
          found.map(\.range.lowerBound), example.markerOffsets,
          "\(rule.code) findings: \(found.map { "\($0.start.line):\($0.start.column) \($0.message)" })",
          file: example.file, line: example.line)
      }
    }
  }

  func testNonTriggeringExamplesGiveNoFindingAndFixingChangesNothing() {
    for rule in RuleRegistry.descriptions {
      for example in rule.nonTriggeringExamples {
        assertParses(example)
        XCTAssertEqual(
          findings(example, of: rule).map(\.message), [], "\(rule.code) must not report", file: example.file,
          line: example.line)
        XCTAssertEqual(
          fixed(example.source, rule, example.target), example.source, file: example.file, line: example.line)
      }
    }
  }

  func testCorrectionsFixBeforeToAfter() {
    for rule in RuleRegistry.descriptions {
      for correction in rule.corrections {
        let before = correction.before
        assertParses(before)
        XCTAssertEqual(
          findings(before, of: rule).map(\.range.lowerBound), before.markerOffsets, "\(rule.code) findings in before",
          file: before.file, line: before.line)
        XCTAssertEqual(
          fixed(before.source, rule, before.target), correction.after, file: before.file, line: before.line)
        let after = RuleExample(correction.after, target: before.target, file: before.file, line: before.line)
        assertParses(after)
        XCTAssertEqual(
          findings(after, of: rule).map(\.message), [], "after is clean", file: before.file, line: before.line)
      }
    }
  }

  // MARK: Disguise

  func testExamplesInsideAStringGiveNoFinding() {
    for rule in RuleRegistry.descriptions {
      for example in rule.triggeringExamples + rule.nonTriggeringExamples {
        let quote = example.source.contains("'''") ? "\"\"\"" : "'''"
        let disguised = RuleExample("text = r\(quote)\n\(example.source)\n\(quote)\n", target: example.target)
        assertParses(disguised, file: example.file, line: example.line)
        XCTAssertEqual(findings(disguised, of: rule).map(\.message), [], file: example.file, line: example.line)
      }
    }
  }

  func testExamplesInsideACommentGiveNoFinding() {
    for rule in RuleRegistry.descriptions {
      for example in rule.triggeringExamples + rule.nonTriggeringExamples {
        let commented = example.source.split(separator: "\n", omittingEmptySubsequences: false).map { "# \($0)" }
        let disguised = RuleExample(commented.joined(separator: "\n"), target: example.target)
        XCTAssertEqual(findings(disguised, of: rule).map(\.message), [], file: example.file, line: example.line)
      }
    }
  }

  func testSuppressionCommentsOnMarkedLinesHideTheFindings() {
    for rule in RuleRegistry.descriptions {
      for example in rule.triggeringExamples {
        for comment in ["# asyncfix: ignore[\(rule.code)]", "# noqa: \(rule.code)", "# asyncfix: ignore"] {
          let suppressed = RuleExample(Self.appending(comment, toMarkedLinesOf: example), target: example.target)
          XCTAssertEqual(
            findings(suppressed, of: rule).map(\.message), [], comment, file: example.file, line: example.line)
          XCTAssertEqual(
            fixed(suppressed.source, rule, example.target), suppressed.source, file: example.file, line: example.line)
        }
      }
    }
  }

  // MARK: Helpers

  private func findings(_ example: RuleExample, of rule: RuleDescription) -> [Finding] {
    RuleTesting.findings(example.source, code: rule.code, settings: RuleTesting.settings(target: example.target))
  }

  /// Fixes as `fix` applies them; with `--unsafe-fixes` for a rule whose fixes are unsafe
  /// (AF105), so that its corrections show the fix it offers.
  private func fixed(_ source: String, _ rule: RuleDescription, _ target: TargetSetting) -> String {
    let unsafe: Bool
    switch rule.fixAvailability {
    case .always(.unsafe), .sometimes(.unsafe): unsafe = true
    default: unsafe = false
    }
    return RuleTesting.fixed(
      source, code: rule.code, settings: RuleTesting.settings(target: target, unsafeFixes: unsafe))
  }

  private func assertParses(_ example: RuleExample, file: StaticString? = nil, line: UInt? = nil) {
    let tree = SyntaxTree.parse(SourceBuffer(Array(example.source.utf8)))
    XCTAssertEqual(
      tree.diagnostics.map(\.message), [], "examples must be valid Python", file: file ?? example.file,
      line: line ?? example.line)
  }

  /// The example's source with `comment` at the end of every line holding a marker.
  static func appending(_ comment: String, toMarkedLinesOf example: RuleExample) -> String {
    example.code.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      line.contains(RuleExample.marker) ? "\(line.filter { $0 != RuleExample.marker })  \(comment)" : String(line)
    }.joined(separator: "\n")
  }
}
