import Engine
import PythonSyntax
import Semantics
import Transforms
import XCTest

/// The per-file gates (`Rule.mayReport(in:)`) skip only files where a rule cannot report: every
/// way of naming asyncio still reaches AF105 and AF108, and an `async def` anywhere reaches the
/// coroutine-only rules.
final class RuleGateTests: XCTestCase {
  private func codes(_ source: String) -> [String] {
    RuleTesting.findings(source).map(\.code)
  }

  func testEveryImportOfAsyncioReachesAsyncioRunMisuse() {
    for header in [
      "import asyncio", "import uasyncio as asyncio", "import asyncio.runners", "from asyncio import *",
    ] {
      let run = header.contains("runners") ? "asyncio.runners.run" : header.contains("*") ? "run" : "asyncio.run"
      let source = "\(header)\n\nasync def main():\n    \(run)(other())\n\nasync def other():\n    pass\n"
      XCTAssertEqual(codes(source), ["AF108"], header)
    }
    XCTAssertEqual(codes("import trio\n\nasync def main():\n    trio.run(main)\n"), [])
  }

  func testAliasedAsyncioReachesEventSetInInterrupt() {
    let source = """
      import machine
      from uasyncio import Event as Flagged

      pressed = Flagged()

      def on_press(pin):
          pressed.set()

      machine.Pin(0).irq(on_press)

      async def waiter():
          await pressed.wait()

      """
    XCTAssertEqual(codes(source), ["AF105"])
    XCTAssertTrue(SemanticModel(SyntaxTree.parse(source)).mayReferenceAsyncio)
    XCTAssertFalse(SemanticModel(SyntaxTree.parse("import threading\nev = threading.Event()\n")).mayReferenceAsyncio)
  }

  func testCoroutineOnlyRulesSeeANestedAsyncDef() {
    let source = """
      import time

      class Station:
          def build(self):
              async def poll():
                  time.sleep(2)
              return poll

      """
    XCTAssertEqual(codes(source), ["AF102"])
    XCTAssertTrue(SemanticModel(SyntaxTree.parse(source)).hasCoroutine)
    XCTAssertFalse(SemanticModel(SyntaxTree.parse("def f():\n    yield\n")).hasCoroutine)
  }
}
