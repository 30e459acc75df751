import PythonSyntax
import Semantics
import XCTest

/// Receivers typed by the call that made them: names, tuple unpacking, awaited calls,
/// `self.attr` across methods, class attributes, and what gives no origin.
final class ValueOriginTests: XCTestCase {
  /// The type names of the origins of the `occurrence`-th expression spelled `text`.
  private func typeNames(_ s: Snippet, _ kind: NodeKind, _ text: String, _ occurrence: Int = 0) -> [String] {
    let found = s.nodes(kind).filter { $0.text == text }
    guard occurrence < found.count else {
      XCTFail("no occurrence \(occurrence) of \(text)")
      return []
    }
    let node = found[occurrence]
    return s.model.origins(of: node).flatMap(\.typeNames).map(\.description)
  }

  func testNameAssignedFromAConstructorThroughAliases() {
    let s = Snippet(
      """
      import uasyncio as aio
      from asyncio import Lock
      ev = aio.Event()
      lock: Lock = Lock()
      async def main():
          await ev.wait()
          await lock.acquire()
      """)
    XCTAssertEqual(typeNames(s, .name, "ev", 1), ["asyncio.Event"])
    XCTAssertEqual(typeNames(s, .name, "lock", 1), ["asyncio.Lock"])
    let call = s.node(.call, "ev.wait")
    XCTAssertEqual(
      s.model.inferredNames(ofMember: CallSyntax(call)!.callee).map(\.description), ["asyncio.Event.wait"])
    XCTAssertNotNil(s.model.matchOrigin(of: s.name("ev", 1), in: ["asyncio.Event"]))
    XCTAssertNil(s.model.matchOrigin(of: s.name("ev", 1), in: ["asyncio.Lock"]))
  }

  func testTupleUnpackingOfAnAwaitedCallKeepsTheElement() {
    let s = Snippet(
      """
      import asyncio
      async def main():
          reader, writer = await asyncio.open_connection("h", 80)
          writer.write(b"x")
          await writer.drain()
          (a, b), c = pair()
      """)
    let origins = s.model.origins(of: s.name("writer", 1))
    XCTAssertEqual(origins.count, 1)
    XCTAssertEqual(origins.first?.isAwaited, true)
    XCTAssertEqual(origins.first?.element, 1)
    XCTAssertEqual(origins.first?.typeNames.map(\.description), ["asyncio.open_connection.1"])
    XCTAssertEqual(typeNames(s, .name, "reader"), ["asyncio.open_connection.0"])
    // Nested tuple targets are not followed: the element path would be ambiguous.
    XCTAssertEqual(s.model.origins(of: s.name("a")).count, 0)
  }

  func testTupleOfValuesGivesEachTargetItsOwnExpression() {
    let s = Snippet(
      """
      import asyncio
      a, b = asyncio.Event(), asyncio.Lock()
      a.set()
      b.release()
      """)
    XCTAssertEqual(typeNames(s, .name, "a", 1), ["asyncio.Event"])
    XCTAssertEqual(typeNames(s, .name, "b", 1), ["asyncio.Lock"])
  }

  func testSelfAttributeAssignedInAnotherMethod() {
    let s = Snippet(
      """
      import asyncio
      class Encoder:
          flag = asyncio.ThreadSafeFlag()
          def __init__(self, pin):
              self._ev = asyncio.Event()
              pin.irq(self._isr)
          def _isr(self, pin):
              self._ev.set()
              self.flag.set()
          @staticmethod
          def other(self):
              self._ev.set()
      class Other:
          def __init__(this):
              this._ev = None
          def run(this):
              this._ev.set()
      """)
    XCTAssertEqual(typeNames(s, .attribute, "self._ev", 1), ["asyncio.Event"])
    XCTAssertEqual(typeNames(s, .attribute, "self.flag"), ["asyncio.ThreadSafeFlag"])
    // A static method's first parameter is not an instance.
    XCTAssertEqual(typeNames(s, .attribute, "self._ev", 2), [])
    // Another class's attribute of the same name is another storage; `None` is not a call.
    XCTAssertEqual(typeNames(s, .attribute, "this._ev", 1), [])
    XCTAssertEqual(s.model.storedValues(of: s.nodes(.attribute).filter { $0.text == "this._ev" }[1]).count, 1)
    let encoder = s.nodes(.attribute).filter { $0.text == "self._ev" }
    XCTAssertEqual(s.model.references(toStorageOf: encoder[1]).count, 2, "the store and the read in _isr")
  }

  func testClosureAndGlobalStores() {
    let s = Snippet(
      """
      import asyncio
      ev = None
      def setup():
          global ev
          ev = asyncio.Event()
      def outer():
          done = asyncio.Event()
          def callback(_):
              done.set()
          return callback
      async def main():
          await ev.wait()
      """)
    XCTAssertEqual(typeNames(s, .name, "ev", 2), ["asyncio.Event"])
    XCTAssertEqual(s.model.storedValues(of: s.name("ev", 2)).count, 2, "`ev = None` and the global store")
    XCTAssertEqual(typeNames(s, .name, "done", 1), ["asyncio.Event"])
    XCTAssertEqual(s.model.references(toStorageOf: s.name("done", 1)).map(\.text), ["done", "done"])
  }

  func testValuesThatAreNotCallsGiveNoOrigin() {
    let s = Snippet(
      """
      import asyncio
      def f(ev, items):
          for x in items:
              x.set()
          ev.set()
          y = ev
          y.set()
          z = (w := asyncio.Event())
          w.set()
      """)
    XCTAssertEqual(typeNames(s, .name, "x", 1), [])
    XCTAssertEqual(typeNames(s, .name, "ev", 1), [])
    XCTAssertEqual(typeNames(s, .name, "y", 1), [])
    XCTAssertEqual(typeNames(s, .name, "w", 1), ["asyncio.Event"])
    XCTAssertEqual(s.model.instanceClass(of: s.name("ev", 1)), nil)
  }

  func testLocalClassConstructorHasAnOriginWithoutQualifiedName() {
    let s = Snippet(
      """
      import csi
      class Camera: pass
      cam = Camera()
      sensor = csi.CSI()
      img = sensor.snapshot()
      img.save("a.jpg")
      """)
    let camera = s.model.origins(of: s.name("cam"))
    XCTAssertEqual(camera.count, 1)
    XCTAssertEqual(camera.first?.callee, [])
    XCTAssertEqual(camera.first?.call.callee.text, "Camera")
    // The image's origin is a method call on a receiver whose own origin is `csi.CSI()`.
    let image = s.model.origins(of: s.name("img", 1))
    XCTAssertEqual(image.first.map { s.model.inferredNames(ofMember: $0.call.callee).map(\.description) }, ["csi.CSI.snapshot"])
  }
}
