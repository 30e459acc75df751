import PythonSyntax
import Semantics
import XCTest

/// Which function and which coroutine a node runs in; generator-based coroutines.
final class CoroutineTests: XCTestCase {
  func testEnclosingCoroutineStopsAtNestedDefinitions() {
    let s = Snippet(
      """
      async def task():
          direct()
          values = [inline(x) for x in items]
          def helper():
              in_helper()
          callback = lambda: in_lambda()
          class Local:
              in_class = in_class_body()
              async def method(self):
                  in_method()
      top_level()
      """)
    XCTAssertEqual(s.model.enclosingCoroutine(of: s.name("direct"))?.name, "task")
    XCTAssertEqual(s.model.enclosingCoroutine(of: s.name("inline"))?.name, "task")
    XCTAssertNil(s.model.enclosingCoroutine(of: s.name("in_helper")))
    XCTAssertEqual(s.model.enclosingFunction(of: s.name("in_helper")), s.function("helper").node)
    XCTAssertNil(s.model.enclosingCoroutine(of: s.name("in_lambda")))
    XCTAssertEqual(s.model.enclosingFunction(of: s.name("in_lambda"))?.kind, .lambda)
    XCTAssertNil(s.model.enclosingCoroutine(of: s.name("in_class_body")))
    XCTAssertNil(s.model.enclosingFunction(of: s.name("in_class_body")))
    XCTAssertEqual(s.model.enclosingCoroutine(of: s.name("in_method"))?.name, "method")
    XCTAssertNil(s.model.enclosingCoroutine(of: s.name("top_level")))
    XCTAssertNil(s.model.enclosingFunction(of: s.name("top_level")))
  }

  func testDecoratorsAndDefaultsRunInTheEnclosingCoroutine() {
    let s = Snippet(
      """
      async def outer():
          @register(await_me())
          def inner(x=default()):
              pass
      """)
    XCTAssertEqual(s.model.enclosingCoroutine(of: s.name("await_me"))?.name, "outer")
    XCTAssertEqual(s.model.enclosingCoroutine(of: s.name("default"))?.name, "outer")
    XCTAssertEqual(s.model.enclosingCoroutine(of: s.function("inner").node)?.name, "outer")
  }

  func testGeneratorBasedCoroutines() {
    let s = Snippet(
      """
      def blink(led):
          while True:
              led.toggle()
              yield from sleep_ms(100)
      def plain():
          def nested():
              yield 1
          return nested
      async def coroutine():
          await other()
      async def agen():
          yield 1
      """)
    XCTAssertEqual(s.model.flavor(of: s.function("blink")), .generator)
    XCTAssertEqual(s.model.flavor(of: s.function("plain")), .plain)
    XCTAssertEqual(s.model.flavor(of: s.function("nested")), .generator)
    XCTAssertEqual(s.model.flavor(of: s.function("coroutine")), .coroutine)
    XCTAssertEqual(s.model.flavor(of: s.function("agen")), .asyncGenerator)
    XCTAssertNil(s.model.enclosingCoroutine(of: s.name("led", 0)))
    XCTAssertEqual(s.model.enclosingCoroutine(of: s.name("led", 0), includingGenerators: true)?.name, "blink")
    XCTAssertNil(s.model.enclosingCoroutine(of: s.name("nested", 0), includingGenerators: true))
    XCTAssertTrue(s.model.containsAwait(s.function("coroutine").node))
    XCTAssertFalse(s.model.containsAwait(s.function("blink").node))
    XCTAssertTrue(s.model.containsYield(s.function("blink").node))
  }

  func testYieldInLambdaMakesItAGenerator() {
    let s = Snippet("g = lambda: (yield)\n")
    XCTAssertTrue(s.model.containsYield(s.nodes(.lambda)[0]))
  }
}
