import Engine
import Transforms
import XCTest

/// AF106 beyond its examples and golden cases: what is shared state, what is a read and a
/// write, how branches, loops, exceptions and locks are followed, and the message.
final class StateMutatedAcrossAwaitTests: XCTestCase {
  private func findings(_ source: String) -> [Finding] {
    RuleTesting.findings(source, code: "AF106")
  }

  /// The source text of each finding's range.
  private func written(_ source: String) -> [String] {
    let bytes = Array(source.utf8)
    return findings(source).map {
      String(decoding: bytes[Int($0.range.lowerBound)..<Int($0.range.upperBound)], as: UTF8.self)
    }
  }

  /// `body` as a method of a class over module-level `items`, `cache`, `counter`.
  private func method(_ body: String) -> String {
    "items = []\ncache = {}\ncounter = 0\nclass C:\n    async def m(self, source, key):\n" + body
  }

  func testTheSeedExamplesAndTheirMessage() {
    let lost = "items = []\nasync def add(source):\n    n = len(items)\n    await source.ready()\n    items.append(n)\n"
    XCTAssertEqual(
      findings(lost).map(\.message),
      [
        "`items` is read on line 3 and changed on line 5 after the `await` on line 4; another task may change it in between"
      ])
    XCTAssertEqual(written(lost), ["items.append(n)"])
    let augmented = "counter = 0\nasync def tally(f):\n    global counter\n    counter += await f()\n"
    XCTAssertEqual(
      findings(augmented).map(\.message),
      ["`counter` is read before the `await` on line 4 and changed after it; another task may change it in between"])
    XCTAssertEqual(written(augmented), ["counter"])
  }

  func testTheSuggestionIsDisplayOnly() throws {
    let finding = try XCTUnwrap(
      findings(method("        n = self.n\n        await source\n        self.n = n + 1\n")).first)
    XCTAssertEqual(finding.fixes.map(\.applicability), [.displayOnly])
    XCTAssertNil(finding.fix(for: .safeAndUnsafe))
    XCTAssertTrue(finding.fixes[0].message.contains("asyncio.Lock"))
  }

  func testWhatIsSharedState() {
    let stale = "        n = len(X)\n        await source\n        X.append(n)\n"
    func reported(_ state: String, header: String = "") -> Bool {
      !findings(method(header + stale.replacingOccurrences(of: "X", with: state))).isEmpty
    }
    XCTAssertTrue(reported("items"), "a module-level object")
    XCTAssertTrue(reported("self.items"), "an attribute of self")
    XCTAssertTrue(reported("self.a.b"), "a chain over self")
    XCTAssertTrue(reported("C.registry"), "a class attribute through a module-level class")
    XCTAssertFalse(reported("source"), "a parameter")
    XCTAssertFalse(reported("local", header: "        local = []\n"), "a local")
    XCTAssertFalse(reported("unknown"), "an unresolved name")
    XCTAssertFalse(
      !findings(
        "class C:\n    @staticmethod\n    async def m(self, source):\n"
          + stale.replacingOccurrences(of: "X", with: "self.items")
      ).isEmpty, "a static method's first parameter is not a receiver")
    XCTAssertTrue(
      !findings(
        "class C:\n    @classmethod\n    async def m(cls, source):\n"
          + stale.replacingOccurrences(of: "X", with: "cls.items")
      ).isEmpty, "a class method's cls")
    XCTAssertFalse(
      !findings(
        "class C:\n    def m(self, source):\n        async def inner():\n"
          + stale.replacingOccurrences(of: "X", with: "self.items")
          .split(separator: "\n").map { "    " + $0 }.joined(separator: "\n") + "\n"
      ).isEmpty, "self of an enclosing method is a closure variable, not followed")
  }

  func testPlainAssignmentToAModuleNameNeedsGlobal() {
    let body = "    n = counter\n    await source\n    counter = n + 1\n"
    XCTAssertEqual(findings("counter = 0\nasync def f(source):\n    global counter\n" + body).count, 1)
    // Without `global`, `counter` is a local of f (reading it first would raise).
    XCTAssertEqual(findings("counter = 0\nasync def f(source):\n" + body).count, 0)
  }

  func testEveryMutatingMethodAndWriteForm() {
    for method in [
      "append", "extend", "insert", "pop", "remove", "clear", "update", "setdefault", "popitem", "add", "discard",
    ] {
      let source = self.method("        n = len(self.items)\n        await source\n        self.items.\(method)(n)\n")
      XCTAssertEqual(findings(source).count, 1, method)
    }
    for write in ["self.items[0] = n", "del self.items[n]", "self.items = n", "self.items += n"] {
      let source = method("        n = len(self.items)\n        await source\n        \(write)\n")
      XCTAssertEqual(findings(source).count, 1, write)
    }
    // `self.items.x = n` changes another state than `len(self.items)` read.
    for notAWrite in [
      "self.items.count(n)", "print(self.items, n)", "self.other = n", "refill(self.items, n)", "self.items.x = n",
    ] {
      let source = method("        n = len(self.items)\n        await source\n        \(notAWrite)\n")
      XCTAssertEqual(findings(source).count, 0, notAWrite)
    }
  }

  func testAWriteThatDoesNotDependOnTheReadIsNotReported() {
    XCTAssertEqual(findings(method("        print(self.n)\n        await source\n        self.n = 1\n")).count, 0)
    XCTAssertEqual(
      findings(
        method("        if self.closed:\n            return\n        await source\n        self.closed = True\n")
      )
      .count, 0, "an early exit is not followed as a dependence")
    XCTAssertEqual(
      findings(method("        if self.ready:\n            await source\n            self.closed = True\n")).count, 0,
      "another attribute")
  }

  func testEnclosingTestsDecide() {
    XCTAssertEqual(
      written(method("        if key not in cache:\n            v = await source\n            cache[key] = v\n")),
      ["cache[key]"])
    XCTAssertEqual(
      written(method("        if self.n < 10:\n            await source\n            self.n = self.n + 1\n")),
      ["self.n"], "a check made before the await, even when the write reads again")
    XCTAssertEqual(
      written(
        method(
          "        if key not in cache:\n            v = await source\n            if key not in cache:\n"
            + "                cache[key] = v\n")), [], "the test repeated after the await decides")
    XCTAssertEqual(
      written(method("        while self.queue:\n            await source\n            self.queue.pop(0)\n")),
      ["self.queue.pop(0)"])
    XCTAssertEqual(
      written(
        method(
          "        if self.a:\n            pass\n        else:\n            await source\n            self.a = 1\n")),
      ["self.a"], "the else branch depends on the test too")
  }

  func testBranchesAndPaths() {
    XCTAssertEqual(
      findings(method("        n = len(items)\n        if key:\n            await source\n        items.append(n)\n"))
        .count,
      1, "an await on one path is enough")
    XCTAssertEqual(
      findings(
        method(
          "        n = len(items)\n        if key:\n            return\n        items.append(n)\n        await source\n"
        )
      )
      .count, 0)
    XCTAssertEqual(
      findings(
        method(
          "        n = len(items)\n        if key:\n            await source\n            return\n        items.append(n)\n"
        )
      )
      .count, 0, "the path that awaits returns")
    XCTAssertEqual(
      findings(method("        n = len(items)\n        await source\n        n = 0\n        items.append(n)\n")).count,
      0,
      "the local was overwritten")
  }

  func testAValueRecomputedFromAFreshReadDropsTheStaleOne() {
    let source = method(
      "        n = len(self.buf)\n        await source\n        m = self.buf.find(b'x', n)\n        del self.buf[:m]\n")
    XCTAssertEqual(findings(source).count, 0)
  }

  func testLoops() {
    let backEdge = findings(
      method(
        "        t = 0\n        while True:\n            self.t = t\n            t = self.t\n            await source\n"
      ))
    XCTAssertEqual(
      backEdge.map(\.message),
      [
        "`self.t` is read on line 9 and, in a later iteration, changed on line 8 after the `await` on line 10; another task may change it in between"
      ])
    XCTAssertEqual(
      findings(
        method(
          "        for x in range(3):\n            n = len(items)\n            items.append(n)\n            await source\n"
        )
      )
      .count, 0, "read and written in the same iteration before the await")
    XCTAssertEqual(
      findings(
        method(
          "        n = len(items)\n        for x in key:\n            break\n            await source\n        items.append(n)\n"
        )
      )
      .count, 0, "code after break never runs")
    XCTAssertEqual(
      findings(method("        async for x in source:\n            n = len(items)\n            items.append(n)\n"))
        .count, 0)
    XCTAssertEqual(
      findings(
        method("        n = len(items)\n        async for x in source:\n            pass\n        items.append(n)\n")
      )
      .count, 1, "the last __anext__ is an await point")
  }

  func testExceptions() {
    XCTAssertEqual(
      findings(
        method(
          "        n = len(items)\n        try:\n            await source\n        except OSError:\n            items.append(n)\n"
        )
      )
      .count, 1)
    XCTAssertEqual(
      findings(
        method(
          "        try:\n            n = len(items)\n            items.append(n)\n        except OSError:\n            pass\n"
            + "        await source\n")
      ).count, 0)
    XCTAssertEqual(
      findings(
        method(
          "        n = len(items)\n        try:\n            await source\n        finally:\n            items.append(n)\n"
        )
      )
      .count, 1)
  }

  func testLocks() {
    let body = "            n = len(items)\n            await source\n            items.append(n)\n"
    func reported(_ manager: String, setup: String = "") -> Bool {
      !findings("import asyncio\n" + setup + method("        async with \(manager):\n" + body)).isEmpty
    }
    XCTAssertFalse(reported("self._lock"), "named lock")
    XCTAssertFalse(reported("LOCK"), "named lock, any case")
    XCTAssertFalse(reported("guard", setup: "guard = asyncio.Lock()\n"), "by its construction")
    XCTAssertFalse(reported("sem", setup: "sem = asyncio.Semaphore(2)\n"), "semaphores too")
    XCTAssertFalse(reported("cond", setup: "cond = asyncio.Condition()\n"), "conditions too")
    XCTAssertFalse(reported("asyncio.Lock()"), "a lock made on the spot")
    XCTAssertFalse(reported("self._locks[key]"), "one lock of many, named by its container")
    XCTAssertFalse(reported("self.writeLock"), "camel case")
    XCTAssertFalse(reported("self._rlock2"), "a word ending in lock")
    XCTAssertTrue(reported("self.clock"), "a clock is no lock")
    XCTAssertTrue(reported("block_device"), "nor is a block")
    XCTAssertTrue(reported("session"), "any other context manager")
    XCTAssertTrue(reported("event", setup: "event = asyncio.Event()\n"), "an event is no lock")
    XCTAssertEqual(
      findings(method("        async with self._lock:\n            n = len(items)\n        items.append(n)\n")).count,
      0,
      "releasing a lock does not suspend")
    XCTAssertEqual(
      findings(method("        async with session:\n            n = len(items)\n        items.append(n)\n")).map(
        \.message),
      [
        "`items` is read on line 7 and changed on line 8 after leaving the `async with` of line 6; another task may change it in between"
      ])
  }

  func testOnlyCoroutinesAreAnalysed() {
    XCTAssertEqual(
      findings("items = []\ndef f(source):\n    n = len(items)\n    yield source\n    items.append(n)\n").count, 0)
    XCTAssertEqual(
      findings("items = []\nasync def f(source):\n    n = len(items)\n    yield source\n    items.append(n)\n").count,
      0,
      "a yield of an async generator is not counted as an await point")
  }

  func testDeepNestingStaysFast() {
    let depth = 60
    var source = "items = []\nasync def f(source):\n"
    for level in 0..<depth {
      source += String(repeating: "    ", count: level + 1) + "while items:\n"
    }
    let inner = String(repeating: "    ", count: depth + 1)
    source += inner + "n = len(items)\n" + inner + "await source\n" + inner + "items.append(n)\n"
    let start = Date()
    XCTAssertEqual(findings(source).count, 1)
    XCTAssertLessThan(Date().timeIntervalSince(start), 10, "loops stop iterating when the budget is spent")
  }
}
