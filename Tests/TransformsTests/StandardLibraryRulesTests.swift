import Engine
import Foundation
import PythonSyntax
import Transforms
import XCTest

/// The rules over CPython 3.13's standard library (1,726 files, 33 MB): no crash, and every file
/// with fixes converges, stays valid and is a fixed point of its own fix.
final class StandardLibraryRulesTests: XCTestCase {
  static let directory = "/root/.pyenv/versions/3.13.0/lib/python3.13"

  struct FileResult: Sendable {
    var path: String
    var codes: [String] = []
    var problem: String?
  }

  func testRulesAndFixesOnEveryFile() throws {
    guard FileManager.default.fileExists(atPath: Self.directory) else {
      throw XCTSkip("CPython 3.13's standard library is not at \(Self.directory)")
    }
    let files = Self.pythonFiles()
    let start = Date()
    let results = Self.parallelMap(files) { path in Self.check(path) }
    let seconds = Date().timeIntervalSince(start)
    for result in results { if let problem = result.problem { XCTFail("\(result.path): \(problem)") } }
    let counts = Dictionary(grouping: results.flatMap(\.codes), by: { $0 }).mapValues(\.count)
    let summary = counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    print("stdlib rules: \(files.count) files in \(String(format: "%.2f", seconds)) s; findings: \(summary)")
  }

  static func check(_ path: String) -> FileResult {
    var result = FileResult(path: path)
    let bytes = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
    let tree = SyntaxTree.parse(SourceBuffer(bytes))
    let rules = RuleRunner.rules(path: path, settings: Settings())
    let findings = FixLoop.unsuppressedFindings(in: tree, rules: rules)
    result.codes = findings.map(\.code).filter { $0 != "AF001" }
    guard findings.contains(where: { $0.fix(for: .safe) != nil }) else { return result }
    let outcome = FixLoop.run(bytes, mode: .safe, rules: rules)
    if !outcome.problems.isEmpty {
      result.problem = outcome.problems.map(\.description).joined(separator: "; ")
    } else if tree.isValid && !outcome.tree.isValid {
      result.problem = "the fixed file does not parse"
    } else if FixLoop.run(outcome.bytes, mode: .safe, rules: rules).changed {
      result.problem = "fixing the fixed file changes it again"
    }
    return result
  }

  static func pythonFiles() -> [String] {
    let root = URL(fileURLWithPath: directory)
    guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
    var files: [String] = []
    while let relative = enumerator.nextObject() as? String {
      if relative.hasPrefix("site-packages") { continue }
      if relative.hasSuffix(".py") { files.append(root.appendingPathComponent(relative).path) }
    }
    return files.sorted()
  }

  static func parallelMap<T: Sendable>(_ items: [String], _ transform: @Sendable (String) -> T) -> [T] {
    let slots = Slots<T>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: items.count) { index in slots.set(index, transform(items[index])) }
    return slots.values
  }
}

/// One result per index, written from many threads.
private final class Slots<T>: @unchecked Sendable {
  private let lock = NSLock()
  private var storage: [T?]

  init(count: Int) { storage = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ value: T) {
    lock.lock()
    storage[index] = value
    lock.unlock()
  }

  var values: [T] { storage.map { $0! } }
}
