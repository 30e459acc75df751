import PythonSyntax
import XCTest

/// `IdentifierSet` answers for source bytes what a `Set<String>` of the same names would.
final class IdentifierSetTests: XCTestCase {
  func testMembershipByStringAndBytes() {
    let set: IdentifierSet = ["run", "sleep_ms", "ThreadSafeFlag", "é"]
    XCTAssertEqual(set.count, 4)
    for name in ["run", "sleep_ms", "ThreadSafeFlag", "é"] { XCTAssertTrue(set.contains(name), name) }
    for name in ["", "ru", "runs", "Run", "sleep", "sleep_m", "e", "ThreadSafeFlags"] {
      XCTAssertFalse(set.contains(name), name)
    }
    let bytes = Array("xrunx".utf8)
    bytes.withUnsafeBufferPointer { buffer in
      XCTAssertTrue(set.contains(UnsafeBufferPointer(rebasing: buffer[1..<4])))
      XCTAssertFalse(set.contains(UnsafeBufferPointer(rebasing: buffer[0..<4])))
    }
    XCTAssertFalse(IdentifierSet().contains("run"))
    XCTAssertTrue(IdentifierSet().isEmpty)
  }

  /// Many names (the project index holds every coroutine name of a tree) survive growth, and a
  /// repeated name is kept once, in first-insertion order.
  func testGrowthDuplicatesAndUnion() {
    var set = IdentifierSet()
    let names = (0..<5_000).map { "name\($0)" }
    for name in names + names { set.insert(name) }
    XCTAssertEqual(set.count, names.count)
    XCTAssertEqual(set.elements, names)
    XCTAssertTrue(names.allSatisfy(set.contains))
    XCTAssertFalse(set.contains("name5000"))
    var other: IdentifierSet = ["name1", "extra"]
    other.formUnion(set)
    XCTAssertEqual(other.count, names.count + 1)
    XCTAssertEqual(other.elements.prefix(3), ["name1", "extra", "name0"])
  }

  /// Tokens are read from the tree's bytes: a callee's last name, through parentheses.
  func testTokensOfATree() {
    let tree = SyntaxTree.parse("(asyncio.run)(main())\nrun()\nx.y\n")
    let names: IdentifierSet = ["run"]
    var matched: [String] = []
    for index in 0..<UInt32(tree.nodeCount) {
      let node = tree.node(index)
      guard let call = CallSyntax(node), let callee = AttributeSyntax(call.callee.unparenthesized)?.nameToken
        ?? (call.callee.unparenthesized.kind == .name ? call.callee.unparenthesized.firstToken : nil),
        names.contains(token: callee, in: tree)
      else { continue }
      matched.append(call.callee.text)
    }
    XCTAssertEqual(matched, ["(asyncio.run)", "run"])
    // The last node is the name `x` of `x.y` (the attribute's `y` is a token of it).
    let last = tree.node(UInt32(tree.nodeCount - 1))
    XCTAssertTrue(last.isName(in: ["x"]))
    XCTAssertFalse(last.isName(in: ["y"]))
    XCTAssertEqual(String(decoding: tree.printed(), as: UTF8.self), "(asyncio.run)(main())\nrun()\nx.y\n")
  }
}
