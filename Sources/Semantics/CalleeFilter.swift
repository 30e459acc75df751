import PythonSyntax

/// A cheap first test for `SemanticModel.match(_:in:)` on the callees of a whole file: a rule
/// that looks at every call (AF108 looks for `asyncio.run` anywhere) would otherwise resolve every
/// called name (`foo()`) only to learn that it is not imported from the modules it cares about.
///
/// A `.name` callee can match a set of qualified names only through an import binding it, so the
/// filter keeps the names the file's imports bind to one of them (`run` after `from asyncio import
/// run`, `go` after `… import run as go`); attribute callees pass (`match` rejects them by their
/// last component already). With a wildcard import every name passes.
public struct CalleeFilter: Sendable {
  private let boundNames: Set<String>
  private let acceptsEveryName: Bool

  public init(_ names: QualifiedNameSet, in model: SemanticModel) {
    var bound: Set<String> = []
    for record in model.imports {
      if let name = record.qualifiedName, names.contains(name), let local = record.boundName { bound.insert(local) }
    }
    boundNames = bound
    acceptsEveryName = model.hasWildcardImport || names.containsBuiltins
  }

  /// Whether `callee` may match the set (`false` means it surely does not).
  public func mayMatch(_ callee: SyntaxNode) -> Bool {
    let node = callee.unparenthesized
    guard node.kind == .name else { return true }
    return acceptsEveryName || boundNames.contains(node.text)
  }
}
