import Foundation
import PythonSyntax
import Semantics
import XCTest

@testable import Engine

/// The checker's two phases (DESIGN §4): every file summarised into one project index before
/// any rule runs, the rules given that index and the phase-one model, and the same output for
/// any number of jobs.
final class ProjectIndexPhaseTests: XCTestCase {
  /// A fake rule: a finding on every call statement whose callee the index (through the file's
  /// imports) says is a coroutine function, with a safe fix inserting `await `. Fixing it makes
  /// no new finding, so the fix loop converges.
  static let coroutineCalls: RuleFactory = { path, _, index in
    { model in
      let tree = model.tree
      let importer = index.modulePath(of: path)
      return (0..<UInt32(tree.nodeCount)).compactMap { position -> Finding? in
        let node = tree.node(position)
        guard node.kind == .expressionStatement, let call = node.children.first(where: { _ in true })?.asCall,
          model.qualifiedNames(of: call.callee).contains(where: {
            index.resolve($0, from: importer) == .function(.coroutine)
          })
        else { return nil }
        let start = call.node.textRange.lowerBound
        return Finding(
          rule: RuleIdentity(code: "AF150", name: "coroutine-call"), message: "\(call.callee.text)", path: path,
          range: call.node.textRange, fixes: [.safe("await", Edit(range: start..<start, replacement: "await "))],
          in: tree.source)
      }
    }
  }

  private func writeProject(_ directory: TemporaryDirectory) throws {
    try directory.write("pkg/__init__.py", "from .net import send\n")
    try directory.write("pkg/net.py", "async def send(data):\n    pass\n\n\ndef encode(data):\n    pass\n")
    try directory.write(
      "pkg/sub/worker.py", "from ..net import send\n\n\nasync def work():\n    send(1)\n")
    try directory.write(
      "app.py", "import pkg\nfrom pkg.net import encode\n\n\nasync def main():\n    pkg.send(1)\n    encode(1)\n")
  }

  func testRulesSeeEveryModuleOfTheRun() throws {
    let directory = try TemporaryDirectory()
    try writeProject(directory)
    let run = Checker.check(paths: [directory.path], options: CheckOptions(rules: Self.coroutineCalls))
    let found = run.findings.map { "\(($0.path as NSString).lastPathComponent):\($0.start.line) \($0.message)" }
    XCTAssertEqual(found, ["app.py:6 pkg.send", "worker.py:5 send"], "re-export and relative import, not `encode`")
  }

  func testOutputIsTheSameForAnyNumberOfJobs() throws {
    let directory = try TemporaryDirectory()
    try writeProject(directory)
    for index in 0..<30 {
      try directory.write("more/m\(index).py", "from pkg.net import send\n\n\nasync def f():\n    send(\(index))\n")
    }
    let runs = [1, 2, 4].map { jobs in
      Checker.check(paths: [directory.path], options: CheckOptions(jobs: jobs, rules: Self.coroutineCalls))
    }
    XCTAssertEqual(runs[0].findings.count, 32)
    XCTAssertEqual(runs[0], runs[1])
    XCTAssertEqual(runs[0], runs[2])
  }

  func testTheRulesGetThePhaseOneModelAndTheIndexStaysDuringFix() throws {
    let directory = try TemporaryDirectory()
    try writeProject(directory)
    let seen = Seen()
    let recording: RuleFactory = { path, settings, index in
      let rules = Self.coroutineCalls(path, settings, index)
      return { model in
        seen.record(path: path, index: ObjectIdentifier(index), tree: ObjectIdentifier(model.tree))
        return rules(model)
      }
    }
    let run = Checker.check(paths: [directory.path], options: CheckOptions(mode: .diff, rules: recording))
    XCTAssertEqual(run.fixedCount, 2)
    let app = run.reports.first { $0.path.hasSuffix("app.py") }
    XCTAssertEqual(app?.fixed.map { String(decoding: $0, as: UTF8.self) }?.contains("    await pkg.send(1)\n"), true)
    XCTAssertEqual(Set(seen.indices).count, 1, "one index for the whole run, also for the re-parsed passes")
    // app.py: the phase-one model, then the model of the fixed text; no model is made twice.
    let appTrees = seen.trees(of: app!.path)
    XCTAssertEqual(appTrees.count, 2)
    XCTAssertEqual(Set(appTrees).count, 2)
  }

  func testStandardInputGetsAnIndexOfItsOwnFile() throws {
    let source = Array("async def send():\n    pass\n\n\nasync def main():\n    send()\n".utf8)
    let sizes = Seen()
    let recording: RuleFactory = { path, settings, index in
      sizes.record(path: path, index: ObjectIdentifier(index), tree: ObjectIdentifier(index))
      XCTAssertEqual(index.moduleCount, 1)
      XCTAssertNotNil(index.summary(atPath: path))
      return Self.coroutineCalls(path, settings, index)
    }
    let run = Checker.check(source: source, path: "stdin_module.py", options: CheckOptions(rules: recording))
    XCTAssertEqual(run.findings.map(\.message), [], "a module-level name of the same file is not reached by an import")
    XCTAssertEqual(sizes.indices.count, 1)
  }

  /// What the rules were called with, from any worker thread.
  final class Seen: @unchecked Sendable {
    private let lock = NSLock()
    private var calls: [(path: String, index: ObjectIdentifier, tree: ObjectIdentifier)] = []

    func record(path: String, index: ObjectIdentifier, tree: ObjectIdentifier) {
      lock.lock()
      defer { lock.unlock() }
      calls.append((path, index, tree))
    }

    var indices: [ObjectIdentifier] {
      lock.lock()
      defer { lock.unlock() }
      return calls.map(\.index)
    }

    func trees(of path: String) -> [ObjectIdentifier] {
      lock.lock()
      defer { lock.unlock() }
      return calls.filter { $0.path == path }.map(\.tree)
    }
  }
}
