import Engine
import Transforms
import XCTest

/// AF102 beyond its examples and golden cases: settings, dialects, expression contexts, argument
/// shapes and the messages.
final class BlockingSleepTests: XCTestCase {
  private let micropython = "import machine\nimport time\nimport asyncio\n\n"

  private func messages(_ body: String, settings: Settings = RuleTesting.settings()) -> [String] {
    RuleTesting.findings(micropython + "async def f(n):\n" + body, code: "AF102", settings: settings).map(\.message)
  }

  private func fixedBody(_ body: String, settings: Settings = RuleTesting.settings()) -> String {
    let header = micropython + "async def f(n):\n"
    let fixed = RuleTesting.fixed(header + body, code: "AF102", settings: settings)
    XCTAssertTrue(fixed.hasPrefix(header), fixed)
    return String(fixed.dropFirst(header.count))
  }

  func testPreciseDelayThresholdComesFromSettings() {
    let body = "    time.sleep_ms(10)\n    time.sleep_us(5000)\n    time.sleep_us(5001)\n"
    XCTAssertEqual(messages(body).count, 2, "10 ms and 5.001 ms are longer than 5 ms; 5 ms is not")
    XCTAssertEqual(messages(body, settings: RuleTesting.settings(preciseDelayMilliseconds: 20)), [])
    XCTAssertEqual(
      messages("    time.sleep_ms(1)\n", settings: RuleTesting.settings(preciseDelayMilliseconds: 0)).count, 1)
    XCTAssertEqual(messages("    time.sleep_ms(n)\n    time.sleep_us(n)\n").count, 2, "not literals")
  }

  func testTimeSleepAndPybDelayAreAlwaysReported() {
    XCTAssertEqual(messages("    time.sleep(0.001)\n    import pyb\n    pyb.delay(1)\n").count, 2)
  }

  func testCPythonTargetDividesMilliseconds() {
    let settings = RuleTesting.settings(target: .cpython)
    XCTAssertEqual(
      fixedBody("    time.sleep_ms(n)\n    time.sleep_us(7500)\n    time.sleep(0.2)\n", settings: settings),
      "    await asyncio.sleep(n / 1000)\n    await asyncio.sleep(7500 / 1_000_000)\n    await asyncio.sleep(0.2)\n")
    XCTAssertEqual(
      fixedBody("    time.sleep_ms(n + 1)\n    time.sleep_ms(-n)\n    time.sleep_ms(not n)\n", settings: settings),
      "    await asyncio.sleep((n + 1) / 1000)\n    await asyncio.sleep(-n / 1000)\n"
        + "    await asyncio.sleep((not n) / 1000)\n")
  }

  func testMicroPythonTargetConvertsSecondsInAPlainFile() {
    let source = "import time\n\nasync def f():\n    time.sleep(0.25)\n"
    XCTAssertEqual(
      RuleTesting.fixed(source, settings: RuleTesting.settings(target: .micropython)),
      "import time\nimport asyncio\n\nasync def f():\n    await asyncio.sleep_ms(250)\n")
    XCTAssertEqual(
      RuleTesting.fixed(source), "import time\nimport asyncio\n\nasync def f():\n    await asyncio.sleep(0.25)\n")
  }

  func testMicrosecondLiterals() {
    XCTAssertEqual(
      fixedBody("    time.sleep_us(7000)\n    time.sleep_us(7500)\n    time.sleep_us(n)\n"),
      "    await asyncio.sleep_ms(7)\n    await asyncio.sleep(0.0075)\n    await asyncio.sleep(n / 1_000_000)\n")
  }

  func testAwaitIsBracketedWhereTheContextNeedsIt() {
    XCTAssertEqual(
      fixedBody("    time.sleep(1).bit_length()\n    x = -time.sleep(1)\n    y = not time.sleep(1)\n"),
      "    (await asyncio.sleep_ms(1000)).bit_length()\n    x = -(await asyncio.sleep_ms(1000))\n"
        + "    y = not (await asyncio.sleep_ms(1000))\n")
    XCTAssertEqual(
      fixedBody("    f(x=time.sleep(1), *[time.sleep(2)])\n"),
      "    f(x=await asyncio.sleep_ms(1000), *[await asyncio.sleep_ms(2000)])\n")
  }

  func testArgumentShapes() {
    XCTAssertEqual(messages("    time.sleep()\n"), [], "a TypeError, not a sleep")
    let starred = RuleTesting.findings(micropython + "async def f(a):\n    time.sleep(*a)\n", code: "AF102")
    XCTAssertEqual(starred.count, 1)
    XCTAssertEqual(starred.first?.fixes, [], "nothing to convert")
  }

  func testComprehensionsGetAFindingWithoutFix() {
    let source =
      micropython + "async def f(r):\n    a = [time.sleep(1) for _ in r]\n    b = sum(time.sleep(1) for _ in r)\n"
    let findings = RuleTesting.findings(source, code: "AF102")
    XCTAssertEqual(findings.count, 2)
    XCTAssertTrue(findings.allSatisfy(\.fixes.isEmpty))
    XCTAssertEqual(RuleTesting.fixed(source), source)
  }

  func testComprehensionFirstIterableRunsInTheCoroutine() {
    XCTAssertEqual(
      fixedBody("    return [x for x in (time.sleep(1), 2)]\n"),
      "    return [x for x in (await asyncio.sleep_ms(1000), 2)]\n")
  }

  func testNestedCoroutineIsItsOwnCoroutine() {
    XCTAssertEqual(
      fixedBody("    def g():\n        async def h():\n            time.sleep(1)\n"),
      "    def g():\n        async def h():\n            await asyncio.sleep_ms(1000)\n")
  }

  func testWildcardImport() {
    let source = "from time import *\nimport machine\n\nasync def f():\n    sleep(1)\n"
    XCTAssertEqual(
      RuleTesting.fixed(source),
      "from time import *\nimport machine\nimport asyncio\n\nasync def f():\n    await asyncio.sleep_ms(1000)\n")
  }

  func testMessageNamesTheCallAsWrittenAndTheFix() throws {
    let finding = try XCTUnwrap(RuleTesting.findings(micropython + "async def f():\n    time . sleep(0.5)\n").first)
    XCTAssertEqual(finding.code, "AF102")
    XCTAssertEqual(finding.name, "blocking-sleep")
    XCTAssertEqual(finding.message, "time.sleep() blocks the event loop inside a coroutine")
    XCTAssertEqual(finding.fixes.map(\.message), ["Replace with `await asyncio.sleep_ms(500)`"])
    XCTAssertEqual(finding.fixes.map(\.applicability), [.safe])
    XCTAssertEqual(finding.start, TextPosition(line: 6, column: 5))
    XCTAssertEqual(finding.end, TextPosition(line: 6, column: 22))
  }

  func testTheFixIsOneEditOverTheCall() throws {
    let source = micropython + "async def f():\n    time.sleep(0.5)\n    time.sleep(  # why\n        1)\n"
    let findings = RuleTesting.findings(source)
    let edits = findings.compactMap(\.fixes.first).map(\.edits)
    XCTAssertEqual(edits.map(\.count), [1, 1], "asyncio is imported: no import edit")
    let first = try XCTUnwrap(edits.first?.first)
    XCTAssertEqual(first.replacementText, "await asyncio.sleep_ms(500)")
    XCTAssertEqual(first.span, TextPosition(line: 6, column: 5)..<TextPosition(line: 6, column: 20))
    XCTAssertEqual(edits.last?.first?.replacementText, "await asyncio.sleep_ms(  # why\n        1000)")
  }

  func testShadowedAsyncioLeavesTheFindingWithoutFix() throws {
    let source = micropython + "async def f(asyncio):\n    time.sleep(1)\n"
    let finding = try XCTUnwrap(RuleTesting.findings(source).first)
    XCTAssertEqual(finding.fixes, [])
  }

  func testOneImportForSeveralFixes() {
    let source = "import machine\nimport time\n\nasync def f():\n    time.sleep(1)\n    time.sleep(2)\n"
    let outcome = RuleTesting.fix(source)
    XCTAssertEqual(outcome.passes.count, 1, "identical import edits apply together, once")
    XCTAssertEqual(
      String(decoding: outcome.bytes, as: UTF8.self),
      "import machine\nimport time\nimport asyncio\n\nasync def f():\n    await asyncio.sleep_ms(1000)\n"
        + "    await asyncio.sleep_ms(2000)\n")
  }
}
