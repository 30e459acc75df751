import Engine
import Transforms
import XCTest

/// AF103 beyond its examples and golden cases: what makes a loop bounded, the interplay with
/// AF102, and the fix's spelling.
final class LoopWithoutYieldTests: XCTestCase {
  private func reported(
    _ body: String, header: String = "import asyncio\n\n", settings: Settings = RuleTesting.settings()
  )
    -> Bool
  {
    let source = header + "async def f(x, items, workers, uart):\n" + body
    return !RuleTesting.findings(source, code: "AF103", settings: settings).isEmpty
  }

  func testLiteralConditions() {
    for condition in ["True", "1", "0x1", "0.5", "'x'", "b'x'", "...", "(True)"] {
      XCTAssertTrue(reported("    while \(condition):\n        x.poll()\n"), condition)
    }
    for condition in ["False", "0", "0.0", "None", "''", "b\"\"", "\"\"\"\"\"\""] {
      XCTAssertFalse(reported("    while \(condition):\n        x.poll()\n"), condition)
    }
  }

  func testBusyWaitsOnStateTheBodyDoesNotChange() {
    XCTAssertTrue(reported("    n = 0\n    while n < 10:\n        print(n)\n"), "print only reads")
    XCTAssertTrue(reported("    while not uart.any():\n        x.toggle()\n"))
    XCTAssertTrue(
      reported("    while (line := uart.readline()) is None:\n        pass\n"), "the walrus writes line only")
    XCTAssertTrue(reported("    while any(w.busy for w in workers):\n        pass\n"))
    XCTAssertTrue(reported("    done = False\n    while not done:\n        check()\n"), "check() cannot rebind a local")
    XCTAssertTrue(reported("    while len(items) == 0:\n        pass\n"))
  }

  func testBoundedLoopsChangeWhatTheConditionReads() {
    XCTAssertFalse(reported("    while any(w.busy for w in workers):\n        workers.pop()\n"))
    XCTAssertFalse(reported("    while x.y.z:\n        x.y = None\n"), "assigning a prefix changes the chain")
    XCTAssertFalse(reported("    while x:\n        x.y = 1\n"), "assigning an attribute changes the object")
    XCTAssertFalse(reported("    while items[0]:\n        items[0] = 0\n"))
    XCTAssertFalse(reported("    while x:\n        refill(x)\n"), "passed to a call")
    XCTAssertFalse(reported("    while not x.ready:\n        step()\n"), "a plain call may change shared objects")
    XCTAssertFalse(reported("    while x:\n        for x in items:\n            pass\n"))
    XCTAssertFalse(reported("    while x:\n        with uart as x:\n            pass\n"))
    XCTAssertFalse(reported("    while x:\n        try:\n            pass\n        except E as x:\n            pass\n"))
    XCTAssertFalse(reported("    while (n := len(items)) > 0:\n        items.clear()\n"))
  }

  func testBodiesThatAlwaysLeave() {
    XCTAssertFalse(reported("    while True:\n        x.poll()\n        return 1\n"))
    XCTAssertFalse(
      reported(
        "    while True:\n        if x:\n            break\n        elif items:\n            return\n"
          + "        else:\n            raise E\n"
      ))
    XCTAssertTrue(
      reported("    while True:\n        if x:\n            continue\n        break\n"), "continue loops again")
    XCTAssertFalse(
      reported("    while True:\n        for i in items:\n            continue\n        break\n"),
      "a nested loop's continue is its own")
    XCTAssertTrue(
      reported("    while True:\n        if x:\n            break\n"),
      "a conditional break is a bound it may never reach")
  }

  func testAwaitPointsAnywhereInConditionOrBody() {
    XCTAssertFalse(reported("    while await x.ready():\n        pass\n"))
    XCTAssertFalse(reported("    while True:\n        if x:\n            await asyncio.sleep(1)\n"))
    XCTAssertFalse(reported("    while True:\n        y = [await z for z in items]\n"))
    XCTAssertFalse(reported("    while True:\n        yield x\n"), "an async generator hands control to its consumer")
    XCTAssertTrue(reported("    while True:\n        y = lambda: (yield)\n"), "a lambda's yield is not the loop's")
  }

  // MARK: `for` loops

  private let socketHeader = "import asyncio\nimport socket\n\n"

  func testForLoopsWithoutBlockingCallsAreBounded() {
    XCTAssertFalse(reported("    for i in items:\n        x.poll()\n"))
    XCTAssertFalse(reported("    for i in [1, 2, 3]:\n        print(i)\n"))
    XCTAssertFalse(reported("    for i in items:\n        x.recv(10)\n"), "x is no socket anyone made")
  }

  func testForLoopsMakingBlockingCalls() {
    let made = "    s = socket.socket()\n"
    XCTAssertTrue(reported(made + "    for i in items:\n        s.send(i)\n", header: socketHeader))
    XCTAssertTrue(reported("    for h in items:\n        socket.getaddrinfo(h, 80)\n", header: socketHeader))
    XCTAssertTrue(
      reported(made + "    for i in items:\n        if i:\n            s.send(i)\n", header: socketHeader),
      "anywhere in the body")
    XCTAssertTrue(
      reported(made + "    for i in items:\n        while x.busy():\n            s.send(i)\n", header: socketHeader),
      "a while loop in between is the for loop's code")
  }

  func testForLoopsThatYieldOrWhoseCallsAreNotTheirs() {
    let made = "    s = socket.socket()\n"
    XCTAssertFalse(
      reported(made + "    for i in items:\n        s.send(i)\n        await asyncio.sleep(0)\n", header: socketHeader))
    XCTAssertFalse(
      reported(made + "    for i in items:\n        def g():\n            s.send(i)\n", header: socketHeader),
      "a nested def's call")
    XCTAssertFalse(
      reported(made + "    for i in items:\n        pass\n    else:\n        s.send(1)\n", header: socketHeader),
      "the else clause runs once")
    XCTAssertFalse(
      reported(made + "    for i in s.recv(10):\n        print(i)\n", header: socketHeader), "the iterable runs once")
    XCTAssertFalse(
      reported(made + "    async for i in items:\n        s.send(i)\n", header: socketHeader),
      "async for awaits each item")
    XCTAssertFalse(
      reported(made + "    s.setblocking(False)\n    for i in items:\n        s.send(i)\n", header: socketHeader),
      "a non-blocking socket")
  }

  func testNestedForLoopsEachOwnTheirCalls() {
    let source =
      socketHeader + "async def f(rows):\n    s = socket.socket()\n    for row in rows:\n        for cell in row:\n"
      + "            s.send(cell)\n"
    XCTAssertEqual(
      RuleTesting.findings(source, code: "AF103").map(\.start.line), [7], "only the inner loop: it yields for both")
    XCTAssertEqual(
      RuleTesting.fixed(source, code: "AF103"),
      socketHeader + "async def f(rows):\n    s = socket.socket()\n    for row in rows:\n        for cell in row:\n"
        + "            await asyncio.sleep(0)\n            s.send(cell)\n")
  }

  func testForLoopsCountBlockingCallsWhateverAF109sSelectionOrSuppression() {
    let source = socketHeader + "async def f(items):\n    for h in items:\n        socket.getaddrinfo(h, 80)\n"
    let onlyAF103 = Settings(selection: try! CodeSelection(select: ["AF103"], ignore: []))
    XCTAssertEqual(RuleTesting.findings(source, settings: onlyAF103).map(\.code), ["AF103"])
    let suppressed = source.replacingOccurrences(of: "80)", with: "80)  # noqa: AF109")
    XCTAssertEqual(RuleTesting.findings(suppressed).map(\.code), ["AF103"])
  }

  func testForLoopMessageAndFix() throws {
    let source = socketHeader + "async def f(items):\n    for host in items:\n        socket.getaddrinfo(host, 80)\n"
    let finding = try XCTUnwrap(RuleTesting.findings(source, code: "AF103").first)
    XCTAssertEqual(finding.start, TextPosition(line: 5, column: 5))
    XCTAssertEqual(finding.end, TextPosition(line: 5, column: 8))
    XCTAssertEqual(
      finding.message, "`for host in items` loop makes blocking calls without awaiting, blocking the event loop")
    XCTAssertEqual(
      RuleTesting.fixed(source, settings: RuleTesting.settings(target: .micropython)),
      socketHeader + "async def f(items):\n    for host in items:\n        await asyncio.sleep_ms(0)\n"
        + "        socket.getaddrinfo(host, 80)\n")
  }

  func testFindingPointsAtTheWhileKeyword() throws {
    let source = "import asyncio\n\nasync def f(x):\n    if x: pass\n    while   x.busy :\n        pass\n"
    let finding = try XCTUnwrap(RuleTesting.findings(source).first)
    XCTAssertEqual(finding.code, "AF103")
    XCTAssertEqual(finding.name, "loop-without-yield")
    XCTAssertEqual(finding.start, TextPosition(line: 5, column: 5))
    XCTAssertEqual(finding.end, TextPosition(line: 5, column: 10))
    XCTAssertEqual(finding.message, "`while x.busy` busy-waits without awaiting, blocking the event loop")
    XCTAssertEqual(finding.fixes.map(\.message), ["Insert `await asyncio.sleep(0)` at the start of the loop body"])
  }

  func testLongConditionsAreCutInTheMessage() throws {
    let source = "async def f(x):\n    while not x.first_very_long_name.second_very_long_name.third:\n        pass\n"
    let finding = try XCTUnwrap(RuleTesting.findings(source).first)
    XCTAssertEqual(
      finding.message,
      "`while not x.first_very_long_name.second_very_…` busy-waits without awaiting, blocking the event loop")
  }

  // MARK: Interplay with AF102

  private let loopWithSleep =
    "import machine\nimport time\n\nasync def f(led):\n    while True:\n        led.toggle()\n        time.sleep(1)\n"

  func testASleepAF102ConvertsIsTheLoopsYield() {
    XCTAssertEqual(RuleTesting.findings(loopWithSleep).map(\.code), ["AF102"])
  }

  func testTheSleepCountsOnlyWhenAF102WillFixIt() {
    let onlyAF103 = Settings(selection: try! CodeSelection(select: ["AF103"], ignore: []))
    XCTAssertEqual(
      RuleTesting.findings(loopWithSleep, settings: onlyAF103).map(\.code), ["AF103"], "AF102 not selected")
    let suppressed = loopWithSleep.replacingOccurrences(of: "time.sleep(1)", with: "time.sleep(1)  # noqa: AF102")
    XCTAssertEqual(RuleTesting.findings(suppressed).map(\.code), ["AF103"], "AF102 suppressed")
    let shadowed = loopWithSleep.replacingOccurrences(of: "f(led)", with: "f(led, asyncio)")
    XCTAssertEqual(RuleTesting.findings(shadowed).map(\.code), ["AF103", "AF102"], "AF102 has no fix")
  }

  func testTheSleepMustRunInTheLoopsOwnCode() {
    let source =
      "import machine\nimport time\n\nasync def f(led):\n    while True:\n        async def g():\n"
      + "            time.sleep(1)\n        led.toggle()\n"
    XCTAssertEqual(RuleTesting.findings(source).map(\.code), ["AF103", "AF102"])
  }

  // MARK: The fix

  func testFixInCPythonAndMicroPythonAndWithoutAName() {
    let body = "async def f(x):\n    while True:\n        x.poll()\n"
    XCTAssertEqual(
      RuleTesting.fixed("import asyncio\n\n" + body, settings: RuleTesting.settings(target: .micropython)),
      "import asyncio\n\nasync def f(x):\n    while True:\n        await asyncio.sleep_ms(0)\n        x.poll()\n")
    XCTAssertEqual(
      RuleTesting.fixed("import time\n\n" + body),
      "import time\nimport asyncio\n\nasync def f(x):\n    while True:\n        await asyncio.sleep(0)\n"
        + "        x.poll()\n"
    )
    let shadowed = "async def f(asyncio):\n    while True:\n        pass\n"
    XCTAssertEqual(RuleTesting.findings(shadowed).first?.fixes, [])
    XCTAssertEqual(RuleTesting.fixed(shadowed), shadowed)
  }

  func testSuppressionOnTheHeader() {
    XCTAssertFalse(reported("    while True:  # asyncfix: ignore[AF103]\n        x.poll()\n"))
    XCTAssertTrue(reported("    while True:  # asyncfix: ignore[AF102]\n        x.poll()\n"))
  }
}
