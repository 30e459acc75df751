import Foundation
import PythonSyntax
import Semantics
import XCTest

/// The byte scan behind the project index's filter must list every name the summaries would
/// call awaitable (a miss would hide a finding); extra names only cost a lookup.
final class AwaitableNameScanTests: XCTestCase {
  func testAsyncDefsAndGeneratorsWhenTheFileYields() {
    let coroutines = "async def send(x):\n    pass\nclass C:\n    async  def\tread(self): pass\ndef plain(): pass\n"
    XCTAssertEqual(AwaitableNameScan.candidates(in: Array(coroutines.utf8)).coroutines.elements, ["send", "read"])
    XCTAssertEqual(AwaitableNameScan.candidates(in: Array(coroutines.utf8)).generators.elements, [])
    let generators = "def gen():\n    yield 1\ndef other(): pass\nundef = 1\n"
    XCTAssertEqual(AwaitableNameScan.candidates(in: Array(generators.utf8)).generators.elements, ["gen", "other"])
  }

  /// On a real corpus the scan covers what `ModuleSummary` lists, file by file.
  func testCoversTheSummariesOfTheStandardLibrary() throws {
    let root = "/root/.pyenv/versions/3.13.0/lib/python3.13/asyncio"
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: root) else {
      throw XCTSkip("no CPython standard library at \(root)")
    }
    var checked = 0
    for name in names where name.hasSuffix(".py") {
      let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: root + "/" + name)))
      let summary = ModuleSummary(SemanticModel(SyntaxTree.parse(SourceBuffer(bytes))))
      let index = ProjectIndex(modules: [(name, summary)], currentDirectory: "/")
      let scanned = AwaitableNameScan.candidates(in: bytes)
      let scannedNames = Set(scanned.coroutines.elements + scanned.generators.elements)
      XCTAssertTrue(index.awaitableNamesForTesting.isSubset(of: scannedNames), name)
      XCTAssertTrue(index.coroutinesOnly.awaitableNamesForTesting.isSubset(of: Set(scanned.coroutines.elements)), name)
      checked += 1
    }
    XCTAssertGreaterThan(checked, 20)
  }
}
