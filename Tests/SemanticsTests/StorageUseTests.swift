import PythonSyntax
import Semantics
import XCTest

/// How each reference to a stored object uses it (what AF105 weighs before changing its type).
final class StorageUseTests: XCTestCase {
  private func describe(_ use: StorageUse) -> String {
    switch use.kind {
    case .store: "store"
    case .methodCall(let name, _): "call .\(name)"
    case .attribute(let name): "attribute .\(name)"
    case .passed(let call): "passed to \(call.callee.text)"
    case .returned: "returned"
    case .stored: "stored"
    case .inspected: "inspected"
    case .other: "other"
    }
  }

  func testUsesOfAModuleGlobal() {
    let s = Snippet(
      """
      import asyncio
      ev = asyncio.Event()
      def isr(p):
          ev.set()
      async def main(f):
          await ev.wait()
          if ev.is_set() or not ev:
              f(ev)
          f(*[ev], key=ev)
          alias = ev
          print(ev.state)
          return ev
      g = lambda: ev
      items = (ev, 1)
      """)
    XCTAssertEqual(
      s.model.uses(ofStorage: s.name("ev", 1)).map(describe),
      [
        "store", "call .set", "call .wait", "call .is_set", "inspected", "passed to f", "stored", "passed to f",
        "stored", "attribute .state", "returned", "returned", "stored",
      ])
  }

  func testUsesOfSelfAttributesAcrossTheClass() {
    let s = Snippet(
      """
      import asyncio
      class Button:
          def __init__(self):
              self._ev = asyncio.Event()
          def _isr(self, pin):
              self._ev.set()
          async def wait(self):
              await self._ev.wait()
              return self._ev
      """)
    let reference = s.nodes(.attribute).filter { $0.text == "self._ev" }[1]
    XCTAssertEqual(
      s.model.uses(ofStorage: reference).map(describe), ["store", "call .set", "call .wait", "returned"])
  }
}
