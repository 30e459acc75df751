import PythonSyntax
import Semantics
import XCTest

/// The model builds and answers on broken code: every prefix of a file using every construct.
final class RobustnessTests: XCTestCase {
  static let everything = """
    import a.b as c, d
    from ..e import (f as g, h)
    from i import *
    @dec(x := 1)
    async def k[T: int](p, /, q: T = 1, *r, s, **t) -> T:
        global u
        nonlocal v
        w = [y async for y in z if (n := y)]
        async with m() as (o, *pp):
            await qq
        try:
            del w
        except* E as e:
            pass
        match p:
            case [1, *rest] | {"k": _, **kw} | Cls(a=b) as cap if cap:
                yield from rr
        lambda ss=1, /, *tt, **uu: ss
    class C(B, metaclass=M):
        x: int = 1
        def m(self): return x
    type A[U] = list[U]
    while True:
        for i, j in pairs: print(f"{i!r:>{j}}")

    """

  func testEveryPrefixBuildsAndAnswers() {
    let bytes = Array(Self.everything.utf8)
    for end in 0...bytes.count {
      let tree = SyntaxTree.parse(SourceBuffer(Array(bytes[0..<end])))
      let model = SemanticModel(tree)
      for index in 0..<UInt32(tree.nodeCount) {
        let node = tree.node(index)
        XCTAssertLessThan(Int(model.scope(of: node).id.rawValue), model.scopeCount)
        switch node.kind {
        case .name, .attribute: _ = model.qualifiedNames(of: node)
        case .whileStatement, .functionDef, .asyncFunctionDef, .lambda: _ = model.firstAwaitPoint(in: node)
        default: break
        }
        _ = model.enclosingCoroutine(of: node, includingGenerators: true)
      }
      _ = detectDialect(model)
      _ = model.asyncioBinding(for: "sleep", at: tree.root)
    }
  }

  func testEmptyAndCommentOnlyFiles() {
    for source in ["", "\n", "# only a comment\n", "\u{FEFF}", "   \n\t\n"] {
      let s = Snippet(source, allowingErrors: true)
      XCTAssertEqual(s.model.scopeCount, 1)
      XCTAssertEqual(s.model.bindingCount, 0)
      XCTAssertEqual(detectDialect(s.model), .cpython)
      XCTAssertEqual(s.model.asyncioBinding(for: "sleep", at: s.tree.root), .needsImport)
    }
  }
}
