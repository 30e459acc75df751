import Foundation
import XCTest

@testable import PythonSyntax

/// A development aid for comparing the tree with CPython's `ast`: with `EXPRESSION_DUMP` set to a
/// file listing Python paths (one per line), writes `<list>.out` with, per file, a `FILE path` line,
/// one `Kind line:col-endLine:endCol` line per node (pre-order), `ERROR` lines and a round-trip
/// check. Does nothing when the variable is unset.
final class ExpressionDumpTests: XCTestCase {
  func testDumpFilesFromEnvironment() throws {
    guard let listPath = ProcessInfo.processInfo.environment["EXPRESSION_DUMP"] else { return }
    let paths = try String(contentsOfFile: listPath, encoding: .utf8).split(separator: "\n")
    var output = ""
    for path in paths {
      let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: String(path))))
      let tree = SyntaxTree.parse(SourceBuffer(bytes))
      output += "FILE \(path)\n"
      let converter = ASTPositionConverter(tree)
      for index in 0..<UInt32(tree.nodeCount) {
        let node = tree.node(index)
        let position = node.astTextRange.map { "\(converter.position(of: $0))" } ?? "-"
        output += "\(node.kind.displayName) \(position)\n"
      }
      for diagnostic in tree.diagnostics {
        output += "ERROR \(diagnostic.offset)-\(diagnostic.endOffset): \(diagnostic.message)\n"
      }
      if tree.printed() != bytes { output += "ERROR round trip\n" }
      for problem in tree.validateStructure() { output += "ERROR invariant \(problem)\n" }
    }
    try output.write(toFile: listPath + ".out", atomically: true, encoding: .utf8)
  }
}
