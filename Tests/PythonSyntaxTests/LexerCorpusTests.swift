import Foundation
import XCTest

@testable import PythonSyntax

/// Lexes every `.py` file of CPython 3.13's standard library (outside `site-packages`): each must
/// tile, and only the four files `test/tokenizedata/` keeps invalid on purpose may get a lexer
/// diagnostic, each its expected one.
final class LexerCorpusTests: XCTestCase {
  static let standardLibrary = "/root/.pyenv/versions/3.13.0/lib/python3.13"

  /// The invalid files and a part of the message each must get (at the given 1-based line).
  static let expectedDiagnostics: [String: (message: String, line: Int)] = [
    "test/tokenizedata/bad_coding.py": ("unknown encoding: uft-8", 1),
    "test/tokenizedata/bad_coding2.py": ("encoding problem: utf8 with BOM", 1),
    "test/tokenizedata/badsyntax_3131.py": ("invalid character '€' (U+20AC)", 2),
    "test/tokenizedata/badsyntax_pep3120.py": ("'utf-8' codec can't decode byte 0xf6", 1),
  ]

  func testStandardLibrary() throws {
    let root = URL(fileURLWithPath: Self.standardLibrary)
    guard FileManager.default.fileExists(atPath: root.path) else {
      throw XCTSkip("no CPython standard library at \(Self.standardLibrary)")
    }
    let paths = try pythonFiles(under: root)
    var unexpected: [String] = []
    var matched = 0
    for relativePath in paths {
      let bytes = try [UInt8](Data(contentsOf: root.appendingPathComponent(relativePath)))
      let source = SourceBuffer(bytes)
      let (table, diagnostics) = Lexer.tokenize(source)
      let problems = tilingProblems(table, bytes)
      if !problems.isEmpty { unexpected.append("\(relativePath): \(problems)") }
      if let expected = Self.expectedDiagnostics[relativePath] {
        let found =
          diagnostics.count == 1 && diagnostics[0].message.contains(expected.message)
          && source.line(of: diagnostics[0].offset) == expected.line
        if found {
          matched += 1
        } else {
          unexpected.append("\(relativePath): expected \(expected), got \(diagnostics)")
        }
      } else if let first = diagnostics.first {
        let location = source.location(of: first.offset)
        unexpected.append("\(relativePath):\(location.line):\(location.byteColumn): \(first.message)")
      }
    }
    XCTAssertEqual(paths.count, 1726, "number of stdlib files")
    XCTAssertEqual(matched, Self.expectedDiagnostics.count, "invalid files diagnosed")
    XCTAssertEqual(unexpected, [], "\(unexpected.count) files with problems")
  }

  /// Paths of the `.py` files under `root`, relative to it, without `site-packages`.
  private func pythonFiles(under root: URL) throws -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
    var paths: [String] = []
    while let path = enumerator.nextObject() as? String {
      if path.hasPrefix("site-packages") {
        enumerator.skipDescendants()
        continue
      }
      if path.hasSuffix(".py") { paths.append(path) }
    }
    return paths.sorted()
  }
}
