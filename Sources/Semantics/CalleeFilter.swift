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
  private let boundNames: IdentifierSet
  private let acceptsEveryName: Bool

  public init(_ names: QualifiedNameSet, in model: SemanticModel) {
    boundNames = IdentifierSet(
      model.imports.compactMap { record in
        guard let name = record.qualifiedName, names.contains(name) else { return nil }
        return record.boundName
      })
    acceptsEveryName = model.hasWildcardImport || names.containsBuiltins
  }

  /// Whether `callee` may match the set (`false` means it surely does not).
  public func mayMatch(_ callee: SyntaxNode) -> Bool {
    let node = callee.unparenthesized
    guard node.kind == .name else { return true }
    return acceptsEveryName || node.isName(in: boundNames)
  }
}
