import Engine
import Semantics
import Transforms
import XCTest

/// AF108 beyond its examples and golden cases: where a run counts as inside the loop, and which
/// pairs of top-level runs can follow each other.
final class AsyncioRunMisuseTests: XCTestCase {
  private func lines(_ source: String, target: TargetSetting = .auto) -> [Int] {
    RuleTesting.findings(source, code: "AF108", settings: RuleTesting.settings(target: target)).map(\.start.line)
  }

  func testNestedDefinitionsInACoroutineAreNotItsCode() {
    XCTAssertEqual(
      lines(
        """
        import asyncio
        async def main():
            def later():
                asyncio.run(x())
            callback = lambda: asyncio.run(x())
            loop.call_soon(later)
        """), [])
  }

  func testFunctionsReachedFromACoroutineThroughMethodsAndConstructors() {
    XCTAssertEqual(
      lines(
        """
        import asyncio
        class Client:
            def __init__(self):
                self.connect()
            def connect(self):
                asyncio.run(handshake())
        async def main():
            Client()
        """), [6])
  }

  func testCoroutinesCalledWithoutAwaitDoNotRunTheirBody() {
    XCTAssertEqual(
      lines(
        """
        import asyncio
        async def child():
            pass
        def start():
            asyncio.run(child())
        async def main():
            asyncio.create_task(child())
        start()
        """), [])
  }

  func testTopLevelOrder() {
    XCTAssertEqual(
      lines(
        """
        import asyncio
        try:
            asyncio.run(a())
        except ValueError:
            asyncio.run(b())
        except KeyError:
            asyncio.run(c())
        else:
            asyncio.run(d())
        asyncio.run(e()) if flag else asyncio.run(f())
        """), [9, 10, 10])
  }

  func testTheFirstOfAnExclusivePairIsNotTheFirstRun() {
    XCTAssertEqual(
      lines(
        """
        import asyncio
        if flag:
            asyncio.run(a())
        else:
            asyncio.run(b())
        asyncio.run(c())
        """), [6])
  }

  func testNewEventLoopBetweenRunsCountsInMicroPythonOnly() {
    let source = """
      import asyncio
      asyncio.run(a())
      asyncio.new_event_loop()
      asyncio.run(b())
      """
    XCTAssertEqual(lines(source, target: .micropython), [])
    XCTAssertEqual(lines(source, target: .cpython), [4])
  }

  func testThreadsRunTheirOwnLoopInCPythonOnly() {
    let source = """
      import asyncio
      import _thread
      def worker():
          asyncio.run(poll())
      _thread.start_new_thread(worker, ())
      """
    XCTAssertEqual(lines(source, target: .cpython), [])
    XCTAssertEqual(lines(source, target: .micropython), [4])
  }
}
