import PythonSyntax
import Semantics
import XCTest

/// The intra-module call graph: what a function's code calls, and what is reachable from it.
final class CallGraphTests: XCTestCase {
  /// The names of the functions reachable from `root` (itself first), each with its path as
  /// `a>b>c`.
  private func reachable(_ s: Snippet, from root: SyntaxNode, depthLimit: Int = CallGraph.defaultDepthLimit)
    -> [String]
  {
    let graph = CallGraph(s.model, depthLimit: depthLimit)
    func name(_ node: SyntaxNode) -> String { FunctionDefSyntax(node)?.name ?? "lambda" }
    return graph.reachable(from: root).map { reached in
      ([name(root)] + reached.path.map { name($0.callee) }).joined(separator: ">")
    }
  }

  func testPlainCallsNestedDefsAliasesAndConstructors() {
    let s = Snippet(
      """
      def root():
          helper()
          alias()
          Thing()
          def nested():
              deep()
          nested()
          unknown()
          print("x")
      def helper(): pass
      def deep(): pass
      alias = helper
      class Thing:
          def __init__(self):
              self.setup()
          def setup(self): pass
      """)
    XCTAssertEqual(
      reachable(s, from: s.function("root").node),
      ["root", "root>helper", "root>__init__", "root>nested", "root>__init__>setup", "root>nested>deep"])
  }

  func testSelfMethodsClosuresAndClassMethods() {
    let s = Snippet(
      """
      class Encoder:
          def _isr(self, pin):
              self._trigger()
              callback = lambda: self._other()
          def _trigger(self):
              self._ev.set()
              Encoder.util()
          def _other(self): pass
          @staticmethod
          def util(): pass
      """)
    XCTAssertEqual(
      reachable(s, from: s.function("_isr").node), ["_isr", "_isr>_trigger", "_isr>_trigger>util"],
      "a lambda's body is not the method's code")
    let lambda = s.nodes(.lambda)[0]
    XCTAssertEqual(reachable(s, from: lambda), ["lambda", "lambda>_other"])
  }

  func testCoroutinesAndGeneratorsAreNotEntered() {
    let s = Snippet(
      """
      import asyncio
      def root():
          asyncio.create_task(task())
          gen()
          plain()
      async def task():
          plain()
      def gen():
          yield plain()
      def plain(): pass
      """)
    XCTAssertEqual(reachable(s, from: s.function("root").node), ["root", "root>plain"])
  }

  func testCyclesEndAndTheDepthIsLimited() {
    let s = Snippet(
      """
      def a():
          b()
          a()
      def b():
          c()
      def c():
          a()
          d()
      def d(): pass
      """)
    XCTAssertEqual(reachable(s, from: s.function("a").node), ["a", "a>b", "a>b>c", "a>b>c>d"])
    XCTAssertEqual(reachable(s, from: s.function("a").node, depthLimit: 2), ["a", "a>b", "a>b>c"])
  }

  func testCallsAreRecordedWithTheirCallSites() {
    let s = Snippet(
      """
      def root(flag):
          if flag:
              helper(1)
          helper(2)
          x = [helper(i) for i in range(3)]
      def helper(n): pass
      """)
    let graph = CallGraph(s.model)
    XCTAssertEqual(
      graph.calls(from: s.function("root").node).map(\.call.node.text), ["helper(1)", "helper(2)", "helper(i)"])
  }

  /// Only explicit calls are edges: `@decorate` (no brackets) calls `decorate(inner)` implicitly
  /// and is not followed; `@factory()` is an explicit call in the enclosing function.
  func testDecoratorsAndDefaultsRunInTheEnclosingFunction() {
    let s = Snippet(
      """
      def root():
          @decorate
          @factory()
          def inner(x=make()):
              helper()
      def decorate(f): return f
      def factory(): return decorate
      def make(): pass
      def helper(): pass
      """)
    XCTAssertEqual(reachable(s, from: s.function("root").node), ["root", "root>factory", "root>make"])
  }
}
