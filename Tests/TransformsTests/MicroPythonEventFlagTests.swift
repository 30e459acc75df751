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
  func testEventSetFromTheSchedulerWakesTheWaiterLateUntilFixed() throws {
    let program = try MicroPythonProgram("AF105-event-from-scheduler")
    let before = try program.runUnfixed()
    XCTAssertTrue(before.stdout.contains("late"), "unfixed, the waiter must wake only with the loop's next timer")

    XCTAssertFalse(program.fixed().changed, "AF105's fix is unsafe: `fix` alone leaves the program as it is")
    let outcome = program.fixed(unsafe: true)
    XCTAssertEqual(outcome.appliedFixes.map(\.finding.code), ["AF105"], "the program shows AF105's pitfall only")
    XCTAssertTrue(String(decoding: outcome.bytes, as: UTF8.self).contains("ready = asyncio.ThreadSafeFlag()"))
    let after = try program.run(outcome.bytes)
    XCTAssertTrue(after.stdout.contains("prompt"), "fixed, the flag must wake the waiter at once")
  }
}
