import PythonSyntax
import Semantics
import XCTest

/// Every way Python binds a name, and the scope each binds in.
final class BindingFormTests: XCTestCase {
  /// The kind and scope kind of the binding made by the `occurrence`-th name `identifier`.
  private func made(_ s: Snippet, _ identifier: String, _ occurrence: Int = 0) -> String {
    guard let binding = s.model.binding(madeBy: s.name(identifier, occurrence)) else { return "none" }
    return "\(binding.kind) in \(s.model.scope(binding.scope).kind)"
  }

  func testAssignmentTargets() {
    let s = Snippet(
      """
      a = b = value
      c, (d, *e) = value
      [f, g] = value
      h: int = 1
      i: int
      j += 1
      k.attr = 1
      l[0] = 1
      (m) = 1
      """)
    XCTAssertEqual(made(s, "a"), "assignment in module")
    XCTAssertEqual(made(s, "b"), "assignment in module")
    XCTAssertEqual(made(s, "value"), "none")
    for name in ["c", "d", "e", "f", "g", "h", "m"] { XCTAssertEqual(made(s, name), "assignment in module", name) }
    XCTAssertEqual(made(s, "i"), "annotation in module")
    XCTAssertEqual(made(s, "j"), "augmentedAssignment in module")
    XCTAssertEqual(made(s, "k"), "none")
    XCTAssertEqual(made(s, "l"), "none")
    XCTAssertEqual(s.model.binding(madeBy: s.name("a"))?.assignedValue?.text, "value")
    XCTAssertEqual(s.model.binding(madeBy: s.name("h"))?.assignedValue?.text, "1")
    XCTAssertNil(s.model.binding(madeBy: s.name("c"))?.assignedValue)
  }

  func testLoopWithExceptAndDeleteTargets() {
    let s = Snippet(
      """
      async def f():
          for x, y in items: pass
          async for z in stream: pass
          with open(p) as w, lock: pass
          async with session() as (u, v): pass
          try: pass
          except E as error: pass
          del x, q.attr
      """)
    for name in ["x", "y", "z"] { XCTAssertEqual(made(s, name), "forTarget in function", name) }
    for name in ["w", "u", "v"] { XCTAssertEqual(made(s, name), "withTarget in function", name) }
    XCTAssertEqual(made(s, "lock"), "none")
    XCTAssertEqual(made(s, "x", 1), "deletion in function")
    XCTAssertEqual(made(s, "q"), "none")
    let handler = s.model.binding(madeBy: s.nodes(.exceptClause)[0])
    XCTAssertEqual(handler?.kind, .exceptHandler)
    XCTAssertEqual(handler?.name, "error")
  }

  func testDefinitionsParametersAndImports() {
    let s = Snippet(
      """
      import os.path, sys as system
      from time import sleep as nap, monotonic
      def f(a, /, b=1, *args, c, d=2, **kwargs): pass
      async def g(): pass
      class C: pass
      """)
    let names = s.model.bindings.map { "\($0.kind) \($0.name)" }
    XCTAssertEqual(
      names,
      [
        "import os", "import system", "import nap", "import monotonic", "function f", "parameter a", "parameter b",
        "parameter args", "parameter c", "parameter d", "parameter kwargs", "function g", "class C",
      ])
    let f = s.model.scopeOpened(by: s.function("f").node)!
    XCTAssertEqual(s.model.bindings(named: "args", in: f.id).count, 1)
    XCTAssertEqual(s.model.bindings(named: "f", in: .module).map(\.kind), [.function])
  }

  func testWalrusBindsOutsideComprehensions() {
    let s = Snippet(
      """
      def f(data):
          if (n := len(data)) > 1: pass
          total = [last := x for x in data]
          return last
      """)
    XCTAssertEqual(made(s, "n"), "walrus in function")
    XCTAssertEqual(made(s, "last"), "walrus in function")
    XCTAssertEqual(made(s, "x"), "none")  // the element is a read
    XCTAssertEqual(made(s, "x", 1), "comprehensionTarget in comprehension")
    XCTAssertEqual(s.resolution("last", 1), "walrus@3")
  }

  func testMatchCaptures() {
    let s = Snippet(
      """
      match command:
          case [first, *rest]: pass
          case {"key": value, **others}: pass
          case Point(x=px, y=0) as point: pass
          case Color.RED | _: pass
          case [*_]: pass
      """)
    // In source order of the binding nodes: `… as point` encloses `px`.
    let captures = s.model.bindings.map { "\($0.kind) \($0.name)" }
    XCTAssertEqual(
      captures,
      [
        "matchCapture first", "matchCapture rest", "matchCapture value", "matchCapture others",
        "matchCapture point", "matchCapture px",
      ])
    XCTAssertEqual(s.resolution("Point"), "unresolved")
  }

  func testGlobalAndNonlocalMoveBindings() {
    let s = Snippet(
      """
      counter = 0
      def bump():
          global counter
          counter += 1
      def outer():
          total = 0
          def inner():
              nonlocal total
              total = 1
          return total
      """)
    let bump = s.model.binding(madeBy: s.name("counter", 1))
    XCTAssertEqual(bump?.kind, .augmentedAssignment)
    XCTAssertEqual(bump?.scope, .module)
    XCTAssertEqual(s.model.bindings(named: "counter", in: .module).count, 2)
    let inner = s.model.binding(madeBy: s.name("total", 1))
    XCTAssertEqual(inner.map { s.model.scope($0.scope).node }, s.function("outer").node)
    let outerScope = s.model.scopeOpened(by: s.function("outer").node)!
    XCTAssertEqual(s.model.bindings(named: "total", in: outerScope.id).map(\.kind), [.assignment, .assignment])
  }

  func testNonlocalChainsThroughAnotherNonlocal() {
    let s = Snippet(
      """
      def a():
          x = 0
          def b():
              nonlocal x
              def c():
                  nonlocal x
                  x = 2
      """)
    let binding = s.model.binding(madeBy: s.name("x", 1))
    XCTAssertEqual(binding.map { s.model.scope($0.scope).node }, s.function("a").node)
  }
}
