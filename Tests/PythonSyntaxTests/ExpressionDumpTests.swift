import Foundation
import XCTest
@testable import PythonSyntax

/// A development aid: with `EXPRESSION_DUMP=path`, prints the tree of that file (kind, tokens and
/// CPython-style positions) and its diagnostics. Does nothing otherwise.
final class ExpressionDumpTests: XCTestCase {
  func testDumpFileFromEnvironment() throws {
    guard let path = ProcessInfo.processInfo.environment["EXPRESSION_DUMP"] else { return }
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let tree = SyntaxTree.parse(SourceBuffer([UInt8](data)))
    var output = ""
    func dump(_ node: SyntaxNode, _ depth: Int) {
      let position = node.astPosition.map { "\($0)" } ?? "-"
      output += String(repeating: "  ", count: depth) + "\(node.kind.displayName) \(position)\n"
      for child in node.children { dump(child, depth + 1) }
    }
    dump(tree.root, 0)
    for diagnostic in tree.diagnostics {
      output += "error \(diagnostic.offset)-\(diagnostic.endOffset): \(diagnostic.message)\n"
    }
    output += "roundtrip: \(tree.printed() == [UInt8](data)) invariants: \(tree.validateStructure())\n"
    try output.write(toFile: path + ".out", atomically: true, encoding: .utf8)
  }
}
