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

  /// Awaitable classes are named by their class: `__await__` with the coroutines (and the
  /// method's own name, for lookups in bases), an `__iter__` that may yield with the generators.
  func testAwaitableClasses() {
    let source = """
      class Delay(Base):
          # a comment at the left margin does not end the class
      # here neither
          def __await__(self):
              return sleep(1).__await__()

      class Tick:
          \"""Doc.\"""

          def __iter__(self):
              yield

      def helper():
          def __iter__():
              pass
      """
    let names = AwaitableNameScan.candidates(in: Array(source.utf8))
    XCTAssertEqual(Set(names.coroutines.elements), ["__await__", "Delay"])
    XCTAssertEqual(Set(names.generators.elements), ["__await__", "__iter__", "Tick", "helper"])

    // A header over several lines (as black writes it) hides the owner from the line reading:
    // then every class of the file counts.
    let wrapped = """
      class Reader(
          Base,
          Mixin,
      ):
          def __await__(self):
              return self.wait().__await__()

      class Other:
          pass
      """
    XCTAssertEqual(
      Set(AwaitableNameScan.candidates(in: Array(wrapped.utf8)).coroutines.elements), ["__await__", "Reader", "Other"])
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
