import PythonSyntax
import Semantics
import XCTest

/// Semantics behind the AF102 fix corrections: annotations, and asyncio imported late in a function.
final class AF102FixSemanticsTests: XCTestCase {
  /// Whether each call of `source`, in source order, sits in an annotation.
  private func annotated(_ source: String) -> [Bool] {
    let s = Snippet(source)
    return s.nodes(.call).map { s.model.isInAnnotation($0) }
  }

  func testParameterReturnAndAssignmentAnnotations() {
    XCTAssertEqual(annotated("def f(x: a(), *args: b(), **kw: c()) -> d():\n    e()\n"), [true, true, true, true, false])
    XCTAssertEqual(annotated("n: a() = b()\n"), [true, false])
    XCTAssertEqual(annotated("def f(x: int = a()):\n    pass\n"), [false])
    XCTAssertEqual(annotated("def f(x: list[lambda: a()]):\n    pass\n"), [true])
    XCTAssertEqual(annotated("x = a()\nf(b())\n"), [false, false, false])
  }
}
