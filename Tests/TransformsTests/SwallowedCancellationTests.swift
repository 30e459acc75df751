import Engine
import Transforms
import XCTest

/// AF104 beyond its examples and golden cases: which handlers catch the cancellation, which
/// bodies re-raise on every path, the child-cancellation pattern, and the choice of fix.
final class SwallowedCancellationTests: XCTestCase {
  private func source(_ handler: String, body: String = "        await q.get()\n", header: String = "import asyncio\n")
    -> String
  {
    header + "async def f(q, t, flag):\n    try:\n" + body + handler
  }

  private func reported(
    _ handler: String, body: String = "        await q.get()\n", header: String = "import asyncio\n"
  )
    -> Bool
  {
    !RuleTesting.findings(source(handler, body: body, header: header), code: "AF104").isEmpty
  }

  private func fixed(_ handler: String, unsafe: Bool = false, body: String = "        await q.get()\n") -> String {
    RuleTesting.fixed(source(handler, body: body), code: "AF104", settings: RuleTesting.settings(unsafeFixes: unsafe))
  }

  func testEverySpellingOfCancelledError() {
    XCTAssertTrue(reported("    except asyncio.CancelledError:\n        pass\n"))
    XCTAssertTrue(reported("    except uasyncio.CancelledError:\n        pass\n", header: "import uasyncio\n"))
    XCTAssertTrue(reported("    except aio.CancelledError:\n        pass\n", header: "import uasyncio as aio\n"))
    XCTAssertTrue(reported("    except CE:\n        pass\n", header: "from asyncio import CancelledError as CE\n"))
    XCTAssertTrue(reported("    except (ValueError, asyncio.CancelledError):\n        pass\n"))
    XCTAssertTrue(reported("    except ValueError, asyncio.CancelledError:\n        pass\n"))
    XCTAssertTrue(reported("    except:\n        pass\n"))
    XCTAssertTrue(reported("    except BaseException:\n        pass\n"))
    XCTAssertFalse(reported("    except Exception:\n        pass\n"), "CancelledError is not an Exception")
    XCTAssertFalse(reported("    except CancelledError:\n        pass\n"), "an unresolved name is not asyncio's")
    XCTAssertFalse(reported("    except* asyncio.CancelledError:\n        pass\n"), "except* is not analysed")
  }

  func testPathsThatFinishWithoutRaising() {
    XCTAssertTrue(reported("    except asyncio.CancelledError:\n        return 1\n"))
    XCTAssertTrue(reported("    except asyncio.CancelledError:\n        if flag:\n            raise\n"))
    XCTAssertTrue(reported("    except asyncio.CancelledError:\n        if flag:\n            return\n        raise\n"))
    XCTAssertTrue(reported("    except asyncio.CancelledError:\n        while flag:\n            raise\n"))
    XCTAssertFalse(
      reported("    except asyncio.CancelledError:\n        while True:\n            break\n        raise\n"),
      "the break leaves the inner loop only; the raise follows")
    XCTAssertTrue(reported("    except asyncio.CancelledError:\n        while True:\n            return\n"))
    XCTAssertTrue(
      reported(
        "    except asyncio.CancelledError:\n        try:\n            raise\n"
          + "        except Exception:\n            pass\n"
      ))
  }

  func testPathsThatAllRaise() {
    XCTAssertFalse(reported("    except asyncio.CancelledError:\n        raise\n"))
    XCTAssertFalse(
      reported("    except asyncio.CancelledError:\n        raise ValueError()\n"), "any raise ends the task")
    XCTAssertFalse(
      reported(
        "    except asyncio.CancelledError:\n        if flag:\n            raise\n        else:\n            raise\n"))
    XCTAssertFalse(
      reported(
        "    except asyncio.CancelledError:\n        if flag:\n            raise\n        elif t:\n            raise\n"
          + "        else:\n            raise\n"))
    XCTAssertFalse(reported("    except asyncio.CancelledError:\n        with t:\n            raise\n"))
    XCTAssertFalse(
      reported(
        "    except asyncio.CancelledError:\n        try:\n            t()\n        finally:\n            raise\n"))
    XCTAssertFalse(
      reported(
        "    except asyncio.CancelledError:\n        try:\n            raise\n"
          + "        except Exception:\n            raise\n"
      ))
    XCTAssertFalse(reported("    except asyncio.CancelledError:\n        while True:\n            continue\n"))
    XCTAssertFalse(reported("    except asyncio.CancelledError:\n        while 1:\n            pass\n"))
    XCTAssertFalse(
      reported("    except asyncio.CancelledError:\n        def g():\n            return 1\n        raise\n"),
      "a return in a nested function does not leave the handler")
  }

  func testOnlyTheFirstCatchingHandlerCounts() {
    XCTAssertFalse(
      reported("    except asyncio.CancelledError:\n        raise\n    except BaseException:\n        pass\n"))
    XCTAssertTrue(reported("    except Exception:\n        raise\n    except BaseException:\n        pass\n"))
  }

  func testTryBodyMustAwait() {
    XCTAssertFalse(reported("    except asyncio.CancelledError:\n        pass\n", body: "        q.get_nowait()\n"))
    XCTAssertTrue(
      reported(
        "    except asyncio.CancelledError:\n        pass\n", body: "        async for x in q:\n            pass\n"))
    XCTAssertTrue(
      reported("    except asyncio.CancelledError:\n        pass\n", body: "        async with q:\n            pass\n"))
  }

  func testChildCancellationPattern() {
    let handler = "    except asyncio.CancelledError:\n        pass\n"
    let cancelled = "import asyncio\nasync def f(q, t):\n    t.cancel()\n    try:\n        await t\n" + handler
    XCTAssertEqual(RuleTesting.findings(cancelled, code: "AF104").count, 0)
    let attribute =
      "import asyncio\nasync def f(self):\n    self.task.cancel()\n    try:\n        await self . task\n" + handler
    XCTAssertEqual(RuleTesting.findings(attribute, code: "AF104").count, 0)
    let after = "import asyncio\nasync def f(q, t):\n    try:\n        await t\n" + handler + "    t.cancel()\n"
    XCTAssertEqual(RuleTesting.findings(after, code: "AF104").count, 1, "cancelled after the try, not before")
    let nested =
      "import asyncio\nasync def f(q, t):\n    def g():\n        t.cancel()\n    try:\n        await t\n" + handler
    XCTAssertEqual(RuleTesting.findings(nested, code: "AF104").count, 1, "cancelled in a nested function")
  }

  func testFinallyConversion() {
    let endless = "        while True:\n            await q.get()\n"
    XCTAssertEqual(
      fixed("    except asyncio.CancelledError:\n        t.close()\n", body: endless),
      source("    finally:\n        t.close()\n", body: endless))
    // Not endless: unsafe; the safe mode appends `raise` instead.
    let handler = "    except asyncio.CancelledError as e:\n        t.close()\n"
    XCTAssertEqual(
      fixed(handler), source("    except asyncio.CancelledError as e:\n        t.close()\n        raise\n"))
    XCTAssertEqual(fixed(handler, unsafe: true), source("    finally:\n        t.close()\n"))
    // A used `as` name, or a second handler, rules it out.
    XCTAssertEqual(
      fixed("    except asyncio.CancelledError as e:\n        print(e)\n", unsafe: true),
      source("    except asyncio.CancelledError as e:\n        print(e)\n        raise\n"))
    XCTAssertEqual(
      fixed("    except ValueError:\n        pass\n    except asyncio.CancelledError:\n        pass\n", unsafe: true),
      source("    except ValueError:\n        pass\n    except asyncio.CancelledError:\n        raise\n"))
  }

  func testReraiseClauseBeforeBareAndBaseException() {
    XCTAssertEqual(
      fixed("    except BaseException:\n        return\n"),
      source("    except asyncio.CancelledError:\n        raise\n    except BaseException:\n        return\n"))
    let aliased = "from asyncio import CancelledError as CE\nasync def f(q):\n    try:\n        await q.get()\n"
    XCTAssertEqual(
      RuleTesting.fixed(aliased + "    except: pass\n", code: "AF104"),
      aliased + "    except CE: raise\n    except: pass\n")
  }

  func testHandlersThatLeaveGetNoFix() {
    let finding = RuleTesting.findings(
      source("    except asyncio.CancelledError:\n        return None\n"), code: "AF104")
    XCTAssertEqual(finding.count, 1)
    XCTAssertEqual(finding.first?.fixes, [])
  }

  func testMessages() {
    let findings = RuleTesting.findings(
      source("    except (OSError, asyncio.CancelledError):\n        pass\n"), code: "AF104")
    XCTAssertEqual(
      findings.map(\.message), ["`except (OSError, asyncio.CancelledError)` swallows the task's cancellation"])
  }
}
