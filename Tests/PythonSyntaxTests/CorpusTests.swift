import Foundation
import XCTest
@testable import PythonSyntax

/// Parses all of CPython 3.13's standard library: every file must print back byte for byte with a
/// sound tree; the 1,722 files CPython accepts must give no diagnostic; the 4 it rejects must give
/// the error CPython gives, on the same line.
final class CorpusTests: XCTestCase {
  /// What parsing one file showed.
  struct FileResult: Sendable {
    var path: String
    var bytes: Int
    var problems: [String]
    /// Diagnostics as `line:column: message` (column 1-based, in bytes), with the source line.
    var diagnostics: [String]
    /// Line and 1-based byte column of each diagnostic, and its message.
    var diagnosticLocations: [(line: Int, column: Int, message: String)]
    var seconds: Double
  }

  /// The standard library parsed once, shared by the tests below.
  static let results: [FileResult]? = {
    guard let files = StandardLibrary.files else { return nil }
    let start = Date()
    let results = parallelMap(files) { path -> FileResult in
      let bytes = StandardLibrary.read(path)
      let fileStart = Date()
      let (tree, problems) = checkLossless(bytes)
      let seconds = Date().timeIntervalSince(fileStart)
      let source = tree.source
      let diagnostics = tree.diagnostics.map { diagnostic in
        describe(diagnostic, in: source) + "\n      | " + sourceLine(at: diagnostic.offset, in: source)
      }
      let locations = tree.diagnostics.map { diagnostic in
        let location = source.location(of: diagnostic.offset)
        return (location.line, location.byteColumn + 1, diagnostic.message)
      }
      return FileResult(
        path: path, bytes: bytes.count, problems: problems, diagnostics: diagnostics,
        diagnosticLocations: locations, seconds: seconds)
    }
    let totalBytes = results.reduce(0) { $0 + $1.bytes }
    let lossy = results.filter { !$0.problems.isEmpty }.count
    let withDiagnostics = results.filter { !$0.diagnostics.isEmpty }.count
    let slowest = results.max { $0.seconds < $1.seconds }
    print(
      """
      [CorpusTests] \(results.count) files, \(totalBytes) bytes parsed in \
      \(String(format: "%.2f", Date().timeIntervalSince(start))) s; \(lossy) not lossless; \
      \(withDiagnostics) with diagnostics; slowest \(slowest?.path ?? "-") \
      (\(String(format: "%.3f", slowest?.seconds ?? 0)) s)
      """)
    return results
  }()

  func requireResults() throws -> [FileResult] {
    _ = try StandardLibrary.requireFiles()
    return Self.results ?? []
  }

  func testStandardLibraryCount() throws {
    let files = try StandardLibrary.requireFiles()
    XCTAssertEqual(files.count, 1726, "the corpus DESIGN §7 describes")
    for path in StandardLibrary.invalidFiles.keys {
      XCTAssertTrue(files.contains(path), "\(path) is in the corpus")
    }
  }

  func testEveryFileRoundTripsWithASoundTree() throws {
    let results = try requireResults()
    let failures = results.filter { !$0.problems.isEmpty }
    XCTAssertEqual(
      failures.count, 0,
      "\(failures.count) of \(results.count) files are not lossless:\n"
        + failures.prefix(40).map { "  \($0.path): \($0.problems.joined(separator: "; "))" }.joined(separator: "\n"))
  }

  func testValidFilesHaveNoDiagnostics() throws {
    let results = try requireResults()
    let valid = results.filter { StandardLibrary.invalidFiles[$0.path] == nil }
    XCTAssertEqual(valid.count, 1722)
    let failures = valid.filter { !$0.diagnostics.isEmpty }
    let total = failures.reduce(0) { $0 + $1.diagnostics.count }
    XCTAssertEqual(
      failures.count, 0,
      "\(failures.count) files CPython accepts have \(total) diagnostics (first 3 per file, first 60 files):\n"
        + failures.prefix(60).map { result in
          "  \(result.path):\n" + result.diagnostics.prefix(3).map { "    \($0)" }.joined(separator: "\n")
        }.joined(separator: "\n"))
  }

  func testInvalidFilesReportCPythonsError() throws {
    let results = try requireResults()
    for (path, expected) in StandardLibrary.invalidFiles.sorted(by: { $0.key < $1.key }) {
      guard let result = results.first(where: { $0.path == path }) else {
        XCTFail("\(path) missing")
        continue
      }
      XCTAssertFalse(result.diagnosticLocations.isEmpty, "\(path): no diagnostic")
      let matching = result.diagnosticLocations.first { location in
        location.line == expected.line && (expected.column.map { $0 == location.column } ?? true)
          && location.message.lowercased().contains(expected.message.lowercased())
      }
      XCTAssertNotNil(
        matching,
        "\(path): expected \"\(expected.message)\" on line \(expected.line)"
          + (expected.column.map { " column \($0)" } ?? "") + "; got:\n    "
          + result.diagnostics.joined(separator: "\n    "))
    }
  }
}
