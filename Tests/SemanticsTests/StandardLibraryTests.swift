import Foundation
import PythonSyntax
import Semantics
import XCTest

/// Smoke test on CPython 3.13's standard library (1,726 files, 33 MB): the model builds for
/// every file, and the queries run on every name, attribute and loop, without a crash.
final class StandardLibraryTests: XCTestCase {
  static let directory = "/root/.pyenv/versions/3.13.0/lib/python3.13"

  func testModelBuildsAndAnswersForEveryFile() throws {
    guard FileManager.default.fileExists(atPath: Self.directory) else {
      throw XCTSkip("CPython 3.13's standard library is not at \(Self.directory)")
    }
    let files = Self.pythonFiles()
    XCTAssertEqual(files.count, 1726)
    let sources = files.map { [UInt8](FileManager.default.contents(atPath: $0) ?? Data()) }

    let buildStart = Date()
    let models = parallelMap(sources) { SemanticModel(SyntaxTree.parse(SourceBuffer($0))) }
    let buildSeconds = Date().timeIntervalSince(buildStart)

    let queryStart = Date()
    let problems = parallelMap(models) { Self.exercise($0) }
    let querySeconds = Date().timeIntervalSince(queryStart)

    for (file, problem) in zip(files, problems) where problem != nil { XCTFail("\(file): \(problem!)") }
    let bytes = sources.reduce(0) { $0 + $1.count }
    let scopes = models.reduce(0) { $0 + $1.scopeCount }
    let bindings = models.reduce(0) { $0 + $1.bindingCount }
    let micropython = models.filter { detectDialect($0) == .micropython }.count
    print(
      String(
        format: "stdlib: %d files, %.1f MB, %d scopes, %d bindings; parse+model %.2f s, queries %.2f s (%@ build)",
        files.count, Double(bytes) / 1e6, scopes, bindings, buildSeconds, querySeconds, Self.configuration),
      "; files that look like MicroPython: \(micropython)")
  }

  /// Runs the queries on every name, callee, loop and def; returns the first broken invariant.
  private static func exercise(_ model: SemanticModel) -> String? {
    let tree = model.tree
    for index in 0..<UInt32(tree.nodeCount) {
      let node = tree.node(index)
      let scope = model.scope(of: node)
      guard scope.id.rawValue < model.scopeCount else { return "node \(index) has scope \(scope.id)" }
      switch node.kind {
      case .name:
        for binding in model.resolve(node).bindings where binding.name != node.text {
          return "\(node.text) at node \(index) resolved to \(binding.name)"
        }
        _ = model.qualifiedNames(of: node)
      case .call:
        _ = model.qualifiedNames(of: CallSyntax(node)!.callee)
      case .whileStatement:
        _ = model.containsAwaitPoint(node)
        _ = model.enclosingCoroutine(of: node, includingGenerators: true)
      case .functionDef, .asyncFunctionDef:
        guard let opened = model.scopeOpened(by: node), opened.kind == .function else {
          return "def at node \(index) opens no function scope"
        }
        _ = model.flavor(of: FunctionDefSyntax(node)!)
        _ = model.asyncioBinding(for: "sleep", at: node)
      default:
        break
      }
    }
    _ = model.micropythonEvidence
    return nil
  }

  private static var configuration: String {
    #if DEBUG
      "debug"
    #else
      "release"
    #endif
  }

  /// The `.py` files below `directory`, `site-packages` excluded, sorted.
  private static func pythonFiles() -> [String] {
    let root = URL(fileURLWithPath: directory)
    guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
    else { return [] }
    var paths: [String] = []
    for case let url as URL in enumerator {
      if url.lastPathComponent == "site-packages" {
        enumerator.skipDescendants()
        continue
      }
      if url.pathExtension == "py", (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
        paths.append(url.path)
      }
    }
    return paths.sorted()
  }
}

/// `transform` applied to every item on one thread per core, results in input order. Threads of
/// our own with 32 MB stacks: the parser recurses once per nesting level, and a debug build needs
/// more stack for that than a Dispatch worker has.
func parallelMap<Item: Sendable, Result: Sendable>(
  _ items: [Item], _ transform: @escaping @Sendable (Item) -> Result
) -> [Result] {
  let work = ParallelWork<Result>(count: items.count)
  let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, items.count))
  let finished = DispatchGroup()
  for _ in 0..<workers {
    finished.enter()
    let thread = Thread {
      while true {
        work.lock.lock()
        let index = work.next
        work.next += 1
        work.lock.unlock()
        guard index < items.count else { break }
        let result = transform(items[index])
        work.lock.lock()
        work.results[index] = result
        work.lock.unlock()
      }
      finished.leave()
    }
    thread.stackSize = 32 << 20
    thread.start()
  }
  finished.wait()
  return work.results.map { $0! }
}

/// The shared state of `parallelMap`: the next index to take and the results, under one lock.
private final class ParallelWork<Result>: @unchecked Sendable {
  let lock = NSLock()
  var next = 0
  var results: [Result?]

  init(count: Int) { results = Array(repeating: nil, count: count) }
}
