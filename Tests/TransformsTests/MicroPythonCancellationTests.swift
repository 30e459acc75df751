import XCTest

/// AF104's golden program (`Golden/programs/AF104-swallowed-cancellation.py`) on the real
/// MicroPython interpreter, before and after the safe fixes (DESIGN §6): unfixed, the worker
/// swallows `task.cancel()` and `await task` returns normally ("swallowed"); fixed (its handler
/// becomes `finally:`, a safe fix there because the worker's loop never finishes normally), the
/// cancellation reaches `await task` ("propagated"). Skips without `micropython` on PATH.
final class MicroPythonCancellationTests: XCTestCase {
  func testSwallowedCancellationPropagatesOnceFixed() throws {
    let program = try MicroPythonProgram("AF104-swallowed-cancellation")
    let before = try program.runUnfixed()
    XCTAssertTrue(before.stdout.contains("swallowed"), "unfixed, `await task` must return normally")
    XCTAssertFalse(before.stdout.contains("propagated"))

    let outcome = program.fixed()
    XCTAssertEqual(outcome.appliedFixes.map(\.finding.code), ["AF104"], "the program shows AF104's pitfall only")
    let after = try program.run(outcome.bytes)
    XCTAssertTrue(after.stdout.contains("propagated"), "fixed, the cancellation must reach `await task`")
    XCTAssertFalse(after.stdout.contains("swallowed"))
    XCTAssertTrue(after.stdout.contains("worker cleanup"), "the cleanup still runs")
  }
}
