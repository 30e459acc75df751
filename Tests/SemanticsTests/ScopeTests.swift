import PythonSyntax
import Semantics
import XCTest

/// Which scope each part of a definition, lambda and comprehension is in.
final class ScopeTests: XCTestCase {
  func testEachConstructOpensItsScope() {
    let s = Snippet(
      """
      a = 1
      def f(p):
          b = 2
      class C:
          c = 3
      g = lambda q: q
      l = [i for i in a]
      """)
    XCTAssertEqual(s.scopeKind(ofName: "a"), .module)
    XCTAssertEqual(s.scopeKind(ofName: "b"), .function)
    XCTAssertEqual(s.scopeKind(ofName: "c"), .class)
    XCTAssertEqual(s.scopeKind(ofName: "q"), .lambda)
    XCTAssertEqual(s.scopeKind(ofName: "i"), .comprehension)
    XCTAssertEqual(s.model.scopeCount, 5)
    XCTAssertEqual(s.model.scope(.module).kind, .module)
    XCTAssertNil(s.model.scope(.module).parent)
    let function = s.model.scopeOpened(by: s.function("f").node)
    XCTAssertEqual(function?.kind, .function)
    XCTAssertEqual(function?.parent, .module)
    XCTAssertEqual(function?.node, s.function("f").node)
  }

  func testDefinitionHeadersRunInTheEnclosingScope() {
    let s = Snippet(
      """
      def outer():
          @decorator
          def inner(p: annotation = default) -> returned:
              body
      """)
    for name in ["decorator", "annotation", "default", "returned"] {
      XCTAssertEqual(s.model.scope(of: s.name(name)).node, s.function("outer").node, name)
    }
    XCTAssertEqual(s.model.scope(of: s.name("body")).node, s.function("inner").node)
    XCTAssertEqual(s.model.scope(of: s.function("inner").node).node, s.function("outer").node)
    let parameter = s.nodes(.parameter)[0]
    XCTAssertEqual(s.model.scope(of: parameter).node, s.function("inner").node)
  }

  func testClassBasesAndDecoratorsRunOutsideTheClass() {
    let s = Snippet(
      """
      @decorator
      class C(Base, metaclass=Meta):
          x = 1
      """)
    XCTAssertEqual(s.scopeKind(ofName: "decorator"), .module)
    XCTAssertEqual(s.scopeKind(ofName: "Base"), .module)
    XCTAssertEqual(s.scopeKind(ofName: "Meta"), .module)
    XCTAssertEqual(s.scopeKind(ofName: "x"), .class)
  }

  func testLambdaDefaultsRunOutsideItsBodyInside() {
    let s = Snippet("f = lambda a, b=default: a + b + free\n")
    XCTAssertEqual(s.scopeKind(ofName: "default"), .module)
    XCTAssertEqual(s.scopeKind(ofName: "a"), .lambda)
    XCTAssertEqual(s.scopeKind(ofName: "free"), .lambda)
    XCTAssertEqual(s.model.scope(of: s.nodes(.parameter)[0]).kind, .lambda)
  }

  func testComprehensionFirstIterableRunsOutside() {
    let s = Snippet("r = {k: v for k in first for v in second(k) if k}\n")
    XCTAssertEqual(s.scopeKind(ofName: "first"), .module)
    XCTAssertEqual(s.scopeKind(ofName: "second"), .comprehension)
    XCTAssertEqual(s.scopeKind(ofName: "k", 0), .comprehension)
    XCTAssertEqual(s.scopeKind(ofName: "v", 0), .comprehension)
    XCTAssertEqual(s.scopeKind(ofName: "k", 3), .comprehension)
  }

  func testNestedComprehensionsNest() {
    let s = Snippet("r = [[y for y in x] for x in rows]\n")
    let inner = s.model.scope(of: s.name("y", 0))
    let outer = s.model.scope(of: s.name("x", 0))
    XCTAssertEqual(inner.kind, .comprehension)
    XCTAssertEqual(outer.kind, .comprehension)
    XCTAssertEqual(inner.parent, outer.id)
    // The inner comprehension's first iterable `x` runs in the outer comprehension.
    XCTAssertEqual(s.model.scope(of: s.name("x", 0)).id, outer.id)
  }

  func testGenericDefinitionsGetAnAnnotationScope() {
    let s = Snippet(
      """
      def f[T](x: T = default) -> T:
          return x
      class C[U](Base[U]):
          pass
      type Alias[V] = list[V]
      """)
    let tScope = s.model.scope(of: s.name("T", 0))
    XCTAssertEqual(tScope.kind, .annotation)
    XCTAssertEqual(s.model.scopeOpened(by: s.function("f").node)?.parent, tScope.id)
    XCTAssertEqual(s.scopeKind(ofName: "default"), .module)
    XCTAssertEqual(s.scopeKind(ofName: "T", 1), .annotation)
    XCTAssertEqual(s.scopeKind(ofName: "x"), .function)
    XCTAssertEqual(s.model.scope(of: s.nodes(.typeVar)[0]).kind, .annotation)
    XCTAssertEqual(s.scopeKind(ofName: "U", 0), .annotation)
    XCTAssertEqual(s.scopeKind(ofName: "Alias"), .module)
    XCTAssertEqual(s.scopeKind(ofName: "V", 0), .annotation)
    XCTAssertEqual(s.resolution("T", 0), "typeParameter@1")
    XCTAssertEqual(s.resolution("T", 1), "typeParameter@1")
    XCTAssertEqual(s.resolution("U", 0), "typeParameter@3")
    XCTAssertEqual(s.resolution("V", 0), "typeParameter@5")
    XCTAssertEqual(s.resolution("Alias"), "typeAlias@5")
  }

  func testDeepNestingBuildsWithoutRecursion() {
    let depth = 10_000
    let source = "x = " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth) + "\n"
    let s = Snippet(source, allowingErrors: true)
    XCTAssertEqual(s.model.scopeCount, 1)
    let lambdas = "x = " + String(repeating: "lambda: ", count: 150) + "x\n"
    let t = Snippet(lambdas)
    XCTAssertEqual(t.model.scopeCount, 151)
    XCTAssertEqual(t.resolution("x"), "assignment@1")
  }
}
