import PythonSyntax
import Semantics
import XCTest

/// Await points of a subtree, not counting nested functions.
final class AwaitPointTests: XCTestCase {
  private func loops(_ source: String) -> [Bool] {
    let s = Snippet(source)
    return s.nodes(.whileStatement).map { s.model.containsAwaitPoint($0) }
  }

  func testEachAwaitPointForm() {
    XCTAssertEqual(
      loops(
        """
        async def f():
            while True:
                await x
            while True:
                async for i in stream: pass
            while True:
                async with lock: pass
            while True:
                data = [i async for i in stream]
            while True:
                print(await x)
            while True:
                busy()
        """), [true, true, true, true, true, false])
  }

  func testNestedFunctionsDoNotCount() {
    XCTAssertEqual(
      loops(
        """
        async def f():
            while True:
                async def inner():
                    await x
                callback = lambda: other()
                class C:
                    async def m(self): await y
        """), [false])
  }

  func testNestedDefinitionHeadersDoCount() {
    let s = Snippet(
      """
      async def f():
          while True:
              @decorate(await ready())
              def inner(): pass
      """)
    XCTAssertEqual(s.model.firstAwaitPoint(in: s.nodes(.whileStatement)[0])?.kind, .awaitExpression)
  }

  func testYieldCountsInGeneratorBasedCoroutinesOnly() {
    XCTAssertEqual(
      loops(
        """
        def mp_task():
            while True:
                yield
        async def agen():
            while True:
                yield 1
        def gen():
            while True:
                yield from other()
        """), [true, false, true])
    let s = Snippet(
      """
      async def agen():
          while True:
              yield 1
      """)
    XCTAssertTrue(s.model.containsAwaitPoint(s.nodes(.whileStatement)[0], countingYields: true))
  }

  func testFunctionNodeLooksAtItsOwnBody() {
    let s = Snippet(
      """
      async def f(x=await_default):
          def g():
              await_inner
          await x
      async def h():
          def g2():
              async def deep(): await y
      """)
    XCTAssertEqual(s.model.firstAwaitPoint(in: s.function("f").node)?.text, "await x")
    XCTAssertFalse(s.model.containsAwaitPoint(s.function("h").node))
    XCTAssertTrue(s.model.containsAwaitPoint(s.function("deep").node))
  }
}
