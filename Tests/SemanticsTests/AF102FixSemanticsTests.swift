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

/// asyncio bound in the function only after the point where new code would name it.
final class LateLocalAsyncioTests: XCTestCase {
  private func binding(_ source: String, _ member: String = "sleep") -> AsyncioBinding {
    let s = Snippet(source)
    return s.model.asyncioBinding(for: member, at: s.nodes(.passStatement)[0])
  }

  func testLocalImportAfterTheUseShadows() {
    XCTAssertEqual(binding("async def f():\n    pass\n    import asyncio\n"), .shadowed)
    // The module's import does not help: the name is local throughout the function.
    XCTAssertEqual(binding("import asyncio\nasync def f():\n    pass\n    import asyncio\n"), .shadowed)
    XCTAssertEqual(binding("async def f():\n    while True:\n        pass\n        import asyncio\n"), .shadowed)
  }

  func testLocalImportBeforeTheUseCounts() {
    XCTAssertEqual(binding("async def f():\n    import asyncio\n    pass\n"), .module("asyncio"))
    XCTAssertEqual(binding("import asyncio\nasync def f():\n    import asyncio\n    pass\n"), .module("asyncio"))
  }

  func testOtherNamesStillWork() {
    // A late local `from asyncio import sleep` does not bind `asyncio`: the import can be added.
    XCTAssertEqual(binding("async def f():\n    pass\n    from asyncio import sleep\n"), .needsImport)
    XCTAssertEqual(
      binding("import uasyncio as aio\nasync def f():\n    pass\n    import asyncio\n"), .module("aio"))
    // An enclosing function's later import is bound by the time the nested coroutine runs.
    XCTAssertEqual(
      binding("def outer():\n    async def f():\n        pass\n    import asyncio\n    return f\n"), .module("asyncio"))
  }
}
