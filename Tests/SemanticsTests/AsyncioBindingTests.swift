import PythonSyntax
import Semantics
import XCTest

/// How new code spells an asyncio member, for each import style and with shadowing.
final class AsyncioBindingTests: XCTestCase {
  /// The binding for `member` at the `pass` statement of `source`.
  private func binding(_ source: String, _ member: String = "sleep_ms") -> AsyncioBinding {
    let s = Snippet(source)
    return s.model.asyncioBinding(for: member, at: s.nodes(.passStatement)[0])
  }

  func testModuleImports() {
    XCTAssertEqual(binding("import asyncio\nasync def f():\n    pass\n"), .module("asyncio"))
    XCTAssertEqual(binding("import uasyncio as asyncio\nasync def f():\n    pass\n"), .module("asyncio"))
    XCTAssertEqual(binding("import uasyncio\nasync def f():\n    pass\n"), .module("uasyncio"))
    XCTAssertEqual(binding("import asyncio as aio\nasync def f():\n    pass\n"), .module("aio"))
    XCTAssertEqual(binding("import uasyncio\nimport asyncio\nasync def f():\n    pass\n"), .module("asyncio"))
    XCTAssertEqual(binding("async def f():\n    import asyncio\n    pass\n"), .module("asyncio"))
  }

  func testFallbackImport() {
    let source = """
      try:
          import uasyncio as asyncio
      except ImportError:
          import asyncio
      async def f():
          pass
      """
    XCTAssertEqual(binding(source), .module("asyncio"))
  }

  func testImportedMembers() {
    XCTAssertEqual(binding("from asyncio import sleep_ms\nasync def f():\n    pass\n"), .importedName("sleep_ms"))
    XCTAssertEqual(
      binding("from uasyncio import sleep_ms as pause\nasync def f():\n    pass\n"), .importedName("pause"))
    XCTAssertEqual(binding("from asyncio import sleep\nasync def f():\n    pass\n", "sleep"), .importedName("sleep"))
    // Another member imported by name does not help: the module must be imported.
    XCTAssertEqual(binding("from asyncio import sleep_ms\nasync def f():\n    pass\n", "sleep"), .needsImport)
    XCTAssertEqual(
      binding("import asyncio\nfrom asyncio import sleep_ms\nasync def f():\n    pass\n", "sleep"), .module("asyncio"))
  }

  func testMissingAndShadowed() {
    XCTAssertEqual(binding("import time\nasync def f():\n    pass\n"), .needsImport)
    XCTAssertEqual(binding("import asyncio\nasync def f(asyncio):\n    pass\n"), .shadowed)
    XCTAssertEqual(binding("import asyncio\nasync def f():\n    asyncio = None\n    pass\n"), .shadowed)
    XCTAssertEqual(binding("async def f(asyncio):\n    pass\n"), .shadowed)
    XCTAssertEqual(binding("import asyncio\nasyncio = FakeLoop()\nasync def f():\n    pass\n"), .shadowed)
    XCTAssertEqual(
      binding("from asyncio import sleep_ms\nasync def f(sleep_ms):\n    pass\n"), .needsImport)
    // A local `asyncio` that is not the module, but uasyncio bound under its own name.
    XCTAssertEqual(binding("import uasyncio\nasync def f(asyncio):\n    pass\n"), .module("uasyncio"))
  }

  func testSpellings() {
    XCTAssertEqual(AsyncioBinding.module("asyncio").spelling(of: "sleep_ms"), "asyncio.sleep_ms")
    XCTAssertEqual(AsyncioBinding.module("uasyncio").spelling(of: "sleep"), "uasyncio.sleep")
    XCTAssertEqual(AsyncioBinding.importedName("pause").spelling(of: "sleep_ms"), "pause")
    XCTAssertEqual(AsyncioBinding.needsImport.spelling(of: "sleep"), "asyncio.sleep")
    XCTAssertNil(AsyncioBinding.shadowed.spelling(of: "sleep"))
  }

  func testOtherMembers() {
    let source = "from asyncio import CancelledError\nimport asyncio\nasync def f():\n    pass\n"
    XCTAssertEqual(binding(source, "CancelledError"), .importedName("CancelledError"))
    XCTAssertEqual(binding(source, "ThreadSafeFlag"), .module("asyncio"))
  }
}
