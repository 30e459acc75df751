import PythonSyntax
import Semantics
import XCTest

/// `SemanticModel.calledFunctionKind`: what a callee is through the file's bindings, `self`,
/// classes and bases, and the project index for imports.
final class CalledFunctionKindTests: XCTestCase {
  /// The kinds of the callees of every call statement's call in `source`, in order.
  private func kinds(_ source: String, index: ProjectIndex = .empty, path: String = "/w/app.py") -> [FunctionKind?] {
    let snippet = Snippet(source)
    return snippet.nodes(.expressionStatement).compactMap { statement in
      guard let call = CallSyntax(statement.children.first { _ in true }!.unparenthesized) else { return nil }
      return snippet.model.calledFunctionKind(call.callee, index: index, importer: index.modulePath(of: path))
    }
  }

  func testNamesThroughBindings() {
    XCTAssertEqual(
      kinds(
        """
        async def send(): pass
        def plain(): pass
        async def main(send_later):
            send()
            plain()
            send_later()
            print()
            def send(): pass
        async def other():
            send()
        """), [.plain, .plain, nil, nil, .coroutine],
      "in main, `send` is main's own (sync) def, bound later in its scope; in other, the module's async def")
  }

  func testSelfClsAndClassMethodsWithBases() {
    XCTAssertEqual(
      kinds(
        """
        class Base:
            async def flush(self): pass
        class Client(Base):
            def reset(self): pass
            async def close(self):
                self.flush()
                self.reset()
                Client.flush(self)
                other = self
                other.flush()
            @staticmethod
            async def helper(self):
                self.flush()
        class Opaque(Mystery):
            async def run(self):
                self.flush()
        """), [.coroutine, .plain, .coroutine, nil, nil, nil],
      "`other` is not the first parameter; a staticmethod has no self; an unknown base hides the rest")
  }

  func testImportsThroughTheIndex() {
    let net = Snippet("async def send(): pass\ndef encode(): pass\n").model
    let index = ProjectIndex(
      modules: [("/w/pkg/__init__.py", ModuleSummary(Snippet("from .net import send\n").model)),
        ("/w/pkg/net.py", ModuleSummary(net))],
      currentDirectory: "/w", isPackageDirectory: { $0 == "/w/pkg" })
    XCTAssertEqual(
      kinds(
        """
        import pkg.net
        import pkg.net as n
        from pkg import send as again
        from pkg.net import encode
        from .pkg.net import send
        async def main():
            pkg.net.send()
            n.send()
            again()
            encode()
            send()
        """, index: index), [.coroutine, .coroutine, .coroutine, nil, .coroutine],
      "through the index only coroutines and generators are named: `encode` is filtered out unresolved")
  }
}
