import Foundation
import PythonSyntax
import Semantics
import XCTest

/// Interrupt registrations and the call graph over CPython 3.13's standard library: every
/// registration's handlers are defs or lambdas, and every path the graph returns from every def
/// is a chain of calls made by the functions it passes through, within the depth limit.
final class StandardLibraryCallbackTests: XCTestCase {
  func testRegistrationsAndCallGraphOnEveryFile() throws {
    let directory = StandardLibraryTests.directory
    guard FileManager.default.fileExists(atPath: directory) else {
      throw XCTSkip("CPython 3.13's standard library is not at \(directory)")
    }
    var files: [String] = []
    let enumerator = FileManager.default.enumerator(atPath: directory)
    while let relative = enumerator?.nextObject() as? String {
      if !relative.hasPrefix("site-packages") && relative.hasSuffix(".py") { files.append(directory + "/" + relative) }
    }
    let start = Date()
    let results = parallelMap(files) { path -> (registrations: [String], edges: Int, problem: String?) in
      let bytes = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
      return Self.exercise(SemanticModel(SyntaxTree.parse(SourceBuffer(bytes))))
    }
    for (file, result) in zip(files, results) where result.problem != nil { XCTFail("\(file): \(result.problem!)") }
    let registrars = Dictionary(grouping: results.flatMap(\.registrations), by: { $0 }).mapValues(\.count)
      .sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    print(
      "stdlib callbacks: \(files.count) files, registrations: \(registrars); "
        + "\(results.reduce(0) { $0 + $1.edges }) call edges in "
        + String(format: "%.2f s", Date().timeIntervalSince(start)))
  }

  private static func exercise(_ model: SemanticModel) -> (registrations: [String], edges: Int, problem: String?) {
    let registrations = model.interruptRegistrations()
    for registration in registrations {
      for handler in registration.handlers
      where handler.kind != .lambda && handler.kind != .functionDef && handler.kind != .asyncFunctionDef {
        return (registrations.map(\.registrar), 0, "handler of \(registration.call.node.text) is a \(handler.kind)")
      }
    }
    let graph = CallGraph(model)
    var edges = 0
    let kinds = model.tree.nodeKinds
    for index in kinds.indices where kinds[index] == .functionDef || kinds[index] == .asyncFunctionDef {
      let root = model.tree.node(UInt32(index))
      edges += graph.calls(from: root).count
      for reached in graph.reachable(from: root) {
        guard reached.path.count <= graph.depthLimit else {
          return (registrations.map(\.registrar), edges, "path too deep")
        }
        var function = root
        for edge in reached.path {
          guard edge.caller == function, model.enclosingFunction(of: edge.call.node) == function else {
            return (registrations.map(\.registrar), edges, "broken path at \(edge.call.node.text)")
          }
          function = edge.callee
        }
        if function != reached.function {
          return (registrations.map(\.registrar), edges, "path does not end at its function")
        }
      }
    }
    return (registrations.map(\.registrar), edges, nil)
  }
}
