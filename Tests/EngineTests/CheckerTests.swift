import PythonSyntax
import Semantics
import XCTest

@testable import Engine

final class CheckerTests: XCTestCase {
  func testParallelMapKeepsInputOrderForAnyNumberOfJobs() {
    let input = Array(0..<1000)
    for jobs in [1, 2, 4, 16] {
      XCTAssertEqual(ParallelMap.map(input, jobs: jobs) { $0 * 3 }, input.map { $0 * 3 }, "jobs \(jobs)")
    }
    XCTAssertEqual(ParallelMap.map([Int](), jobs: 4) { $0 }, [])
  }

  func testSyntaxErrorsBecomeAF001FindingsSortedByPathThenPosition() throws {
    let directory = try TemporaryDirectory()
    try directory.write("b.py", "def f(:\n    pass\n")
    try directory.write("a.py", "x = 1\n)\ny = (\n")
    try directory.write("ok.py", "async def main():\n    await f()\n")
    let run = Checker.check(paths: [directory.path], options: CheckOptions(jobs: 2))
    XCTAssertEqual(run.reports.map { ($0.path as NSString).lastPathComponent }, ["a.py", "b.py", "ok.py"])
    XCTAssertEqual(run.checkedFileCount, 3)
    XCTAssertTrue(run.errors.isEmpty)
    let findings = run.findings
    XCTAssertFalse(findings.isEmpty, "the invalid files must give findings")
    XCTAssertTrue(findings.allSatisfy { $0.code == "AF001" && $0.name == "syntax-error" && !$0.message.isEmpty })
    XCTAssertEqual(run.reports[2].findings, [], "a valid file has no finding")
    XCTAssertFalse(run.reports[0].findings.isEmpty)
    XCTAssertFalse(run.reports[1].findings.isEmpty)
    XCTAssertEqual(findings.first?.start.line, 2, "a.py's first error is the stray ')' on line 2")
    for report in run.reports {
      let offsets = report.findings.map(\.range.lowerBound)
      XCTAssertEqual(offsets, offsets.sorted())
    }
  }

  func testOutputIsIdenticalWithOneOrFourJobs() throws {
    let directory = try TemporaryDirectory()
    for index in 0..<40 {
      let body = index % 3 == 0 ? "def f(:\n  pass\n" : index % 3 == 1 ? "x = [1,\n" : "print('ok')\n"
      try directory.write("pkg\(index % 4)/m\(index).py", body)
    }
    let paths = [directory.path, directory.path + "/missing.py"]
    let serial = Checker.check(paths: paths, options: CheckOptions(jobs: 1))
    let parallel = Checker.check(paths: paths, options: CheckOptions(jobs: 4))
    XCTAssertEqual(serial, parallel)
    XCTAssertEqual(serial.reports.count, 41)
    XCTAssertEqual(serial.errors.map(\.reason), [.notFound])
    XCTAssertEqual(
      serial.reports.map(\.path),
      serial.reports.map(\.path).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
  }

  func testSelectionFiltersFindings() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("bad.py", "def f(:\n")
    let ignored = try CodeSelection(select: nil, ignore: ["AF0"])
    XCTAssertEqual(Checker.checkFile(path, selection: ignored).findings, [])
    XCTAssertFalse(Checker.checkFile(path, selection: .all).findings.isEmpty)
  }

  func testUnreadableInputsAreFileErrorsAndTheRunGoesOn() throws {
    let directory = try TemporaryDirectory()
    let good = try directory.write("good.py", "x = 1\n")
    let fifo = directory.path + "/fifo.py"
    XCTAssertEqual(mkfifo(fifo, 0o600), 0)
    let missing = directory.path + "/gone.py"
    let run = Checker.check(paths: [missing, fifo, good], options: CheckOptions(jobs: 3))
    XCTAssertEqual(run.reports.map(\.path), [fifo, missing, good])
    XCTAssertEqual(run.errors.map(\.reason), [.notRegularFile, .notFound])
    XCTAssertNil(run.reports[2].error)
    XCTAssertEqual(Checker.checkFile(directory.path, selection: .all).error?.reason, .isDirectory)
  }

  func testBadInputNeverCrashes() throws {
    let directory = try TemporaryDirectory()
    try directory.write("binary.py", bytes: [0x00, 0x01, 0xFF, 0xFE, 0x7F, 0x00, 0x80, 0x0A])
    try directory.write("latin1.py", bytes: Array("x = '".utf8) + [0xE9] + Array("'\n".utf8))
    try directory.write("empty.py", "")
    try directory.write("deep.py", String(repeating: "(", count: 10_000))
    try directory.write("long.py", "x = " + String(repeating: "1 + ", count: 50_000) + "1\n")
    let run = Checker.check(paths: [directory.path], options: CheckOptions(jobs: 2))
    XCTAssertEqual(run.reports.count, 5)
    XCTAssertTrue(run.errors.isEmpty)
    let byName = Dictionary(uniqueKeysWithValues: run.reports.map { (($0.path as NSString).lastPathComponent, $0) })
    XCTAssertEqual(byName["empty.py"]?.findings, [])
    XCTAssertFalse(byName["binary.py"]?.findings.isEmpty ?? true, "NUL bytes are a syntax error")
    XCTAssertFalse(byName["deep.py"]?.findings.isEmpty ?? true, "unclosed brackets are a syntax error")
    XCTAssertEqual(byName["long.py"]?.findings, [])
  }

  func testAFixLoopThatDoesNotConvergeWritesNothing() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("a.py", "x = 0\n")
    // Every pass offers to increment the number again.
    let rules: RuleFactory = { _, _, _ in
      { model in
        let tree = model.tree
        return (0..<UInt32(tree.tokens.count)).compactMap { token -> Finding? in
          guard tree.tokens.kinds[Int(token)] == .number, let value = Int(tree.tokenText(token)) else { return nil }
          let range = tree.tokens.textRange(token)
          return Finding(
            rule: RuleIdentity(code: "AF150", name: "increment"), message: "m", path: "a.py", range: range,
            fixes: [.safe("increment", Edit(range: range, replacement: String(value + 1)))], in: tree.source)
        }
      }
    }
    let run = Checker.check(paths: [path], options: CheckOptions(mode: .fix, rules: rules))
    XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "x = 0\n", "nothing written")
    XCTAssertTrue(run.hasFailures)
    XCTAssertEqual(run.failures, ["\(path): fixes did not converge after 10 passes"])
    XCTAssertEqual(run.fixedCount, 0)
    XCTAssertEqual(run.reports.first?.fixed, nil)
    XCTAssertEqual(run.findings.count, 1, "the findings of the unchanged file")
  }
}
