import Engine
import Foundation
import PythonSyntax
import Semantics
import Transforms
import XCTest

/// The per-file gates (`Rule.mayReport(in:)`) only skip work: on every golden input and on the
/// standard library's asyncio code and tests, the findings with and without them are the same.
final class RuleGateCorpusTests: XCTestCase {
  func testGatesChangeNoFinding() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    var paths = Self.pythonFiles(under: root.appendingPathComponent("Golden").path)
      + Self.pythonFiles(under: root.appendingPathComponent("Examples").path)
    let stdlib = "/root/.pyenv/versions/3.13.0/lib/python3.13"
    for directory in ["asyncio", "test/test_asyncio", "contextlib.py", "unittest"] {
      paths += Self.pythonFiles(under: stdlib + "/" + directory)
    }
    XCTAssertGreaterThan(paths.count, 150, "golden inputs at least")
    var compared = 0
    var withFindings = 0
    for path in paths {
      guard let data = FileManager.default.contents(atPath: path) else { continue }
      let model = SemanticModel(SyntaxTree.parse(SourceBuffer(Array(data))))
      for target in [TargetSetting.auto, .micropython] {
        let settings = Settings(target: target, unsafeFixes: true)
        let index = RuleRunner.singleFileIndex(model, path: path)
        let gated = RuleRunner.findings(in: model, path: path, settings: settings, index: index)
        let ungated = RuleRunner.findings(in: model, path: path, settings: settings, index: index, gated: false)
        XCTAssertEqual(gated, ungated, "\(path) (\(target))")
        compared += 1
        if !gated.isEmpty { withFindings += 1 }
      }
    }
    XCTAssertGreaterThan(withFindings, 100, "the corpus has findings to lose")
    print("gates: \(compared) runs compared, \(withFindings) with findings")
  }

  /// Every `.py` file under `path` (or `path` itself), sorted.
  static func pythonFiles(under path: String) -> [String] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return [] }
    if !isDirectory.boolValue { return path.hasSuffix(".py") ? [path] : [] }
    let names = (FileManager.default.enumerator(atPath: path)?.allObjects as? [String]) ?? []
    return names.filter { $0.hasSuffix(".py") }.sorted().map { path + "/" + $0 }
  }
}
