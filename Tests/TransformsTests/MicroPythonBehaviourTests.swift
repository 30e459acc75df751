import XCTest

/// The golden programs (`Golden/programs/`) on the real MicroPython interpreter, before and after
/// the rules' safe fixes (DESIGN §6): unfixed, a task that should print is starved and prints
/// nothing before the program ends; fixed, it prints its marker.
///
/// Each program stops by itself after about half a second (`MicroPythonProgram` runs them and
/// skips without `micropython`).
final class MicroPythonBehaviourTests: XCTestCase {
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

  private func assertStarvedThenFixed(_ name: String, code: String) throws {
    let program = try MicroPythonProgram(name)
    let before = try program.runUnfixed()
    XCTAssertFalse(before.stdout.contains(Self.marker), "unfixed, the ticker must be starved")

    let outcome = program.fixed()
    XCTAssertEqual(Set(outcome.appliedFixes.map(\.finding.code)), [code], "the program shows \(code)'s pitfall only")
    let after = try program.run(outcome.bytes)
    XCTAssertTrue(after.stdout.contains(Self.marker), "fixed, the ticker must run")
  }
}
