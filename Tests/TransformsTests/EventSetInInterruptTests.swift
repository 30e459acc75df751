import Engine
import Semantics
import Transforms
import XCTest

/// AF105 beyond its examples and golden cases: which events and handlers count, when the
/// ThreadSafeFlag fix is withheld and why, and fixes shared by several findings.
final class EventSetInInterruptTests: XCTestCase {
  private let header = "import asyncio\nimport micropython\nfrom machine import Pin\n"

  private func messages(_ source: String) -> [String] {
    RuleTesting.findings(header + source, code: "AF105").map(\.message)
  }

  private func unsafeFixed(_ source: String) -> String {
    let fixed = RuleTesting.fixed(header + source, code: "AF105", settings: RuleTesting.settings(unsafeFixes: true))
    return String(fixed.dropFirst(header.count))
  }

  func testTheEventPassedToItsOwnHandlerThroughTheRegistrationDoesNotEscape() {
    let source = """
      ev = asyncio.Event()
      def cb(e):
          ev.set()
      micropython.schedule(cb, ev)
      async def main():
          await ev.wait()
      """
    XCTAssertEqual(messages(source).count, 1)
    XCTAssertTrue(unsafeFixed(source).hasPrefix("ev = asyncio.ThreadSafeFlag()\n"))
  }

  func testSeveralHandlersShareOneConstructionEdit() {
    let source = """
      ev = asyncio.Event()
      def a(p):
          ev.set()
      def b(p):
          ev.set()
      Pin(1).irq(a)
      Pin(2).irq(b)
      """
    XCTAssertEqual(messages(source).count, 2)
    XCTAssertEqual(
      unsafeFixed(source),
      source.replacingOccurrences(of: "ev = asyncio.Event()", with: "ev = asyncio.ThreadSafeFlag()"))
  }

  func testOneFunctionReachedByTwoHandlersIsReportedOnce() {
    let source = """
      ev = asyncio.Event()
      def notify():
          ev.set()
      def a(p):
          notify()
      def b(p):
          notify()
      Pin(1).irq(a)
      Pin(2).irq(b)
      """
    let found = messages(source)
    XCTAssertEqual(found.count, 1)
    XCTAssertTrue(found[0].contains("interrupt handler `a`"), found[0])
    XCTAssertTrue(found[0].contains("through `notify`"), found[0])
  }

  func testStoresOfOtherValuesWithholdTheFix() {
    let source = """
      class Box:
          def __init__(self, ev=None):
              self.ev = asyncio.Event()
              if ev is not None:
                  self.ev = ev
              Pin(1).irq(self._isr)
          def _isr(self, p):
              self.ev.set()
      """
    let found = messages(source)
    XCTAssertEqual(found.count, 1)
    XCTAssertTrue(found[0].hasSuffix("not fixed: it is also bound to something else at line 8"), found[0])
    XCTAssertEqual(unsafeFixed(source), source)
  }

  func testAShadowedThreadSafeFlagNameWithholdsTheFix() {
    let source = """
      from asyncio import Event
      ThreadSafeFlag = object
      ev = Event()
      Pin(1).irq(lambda p: ev.set())
      """
    let found = messages(source)
    XCTAssertEqual(found.count, 1)
    XCTAssertTrue(found[0].hasSuffix("means something else where the event is built (line 6)"), found[0])
  }

  func testAnAlreadyImportedThreadSafeFlagIsReused() {
    let source = """
      from asyncio import Event, ThreadSafeFlag as TSF
      ev = Event()
      Pin(1).irq(lambda p: ev.set())
      """
    XCTAssertEqual(
      unsafeFixed(source),
      "from asyncio import Event, ThreadSafeFlag as TSF\nev = TSF()\nPin(1).irq(lambda p: ev.set())")
  }

  func testSetWithArgumentsOrOutsideFunctionsIsNotAnEventSet() {
    XCTAssertEqual(
      messages(
        """
        ev = asyncio.Event()
        ev.set()
        def isr(p):
            ev.set(1)
        Pin(1).irq(isr)
        """), [])
  }

  func testHandlersThatAreParametersOrImportsAreNotFollowed() {
    XCTAssertEqual(
      messages(
        """
        from handlers import on_edge
        ev = asyncio.Event()
        def register(pin, handler):
            pin.irq(handler)
        Pin(1).irq(on_edge)
        def unused(p):
            ev.set()
        """), [])
  }

  func testTargetSettingDecidesTheDialect() {
    let source = header + "ev = asyncio.Event()\nPin(1).irq(lambda p: ev.set())\n"
    let cpython = RuleTesting.findings(source, code: "AF105", settings: RuleTesting.settings(target: .cpython))
    XCTAssertEqual(cpython.count, 1)
    XCTAssertTrue(cpython[0].message.hasSuffix("call `loop.call_soon_threadsafe(ev.set)` instead"))
    XCTAssertTrue(cpython[0].fixes.isEmpty)
  }
}
