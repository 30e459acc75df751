import PythonSyntax

/// A set of qualified names to match expressions against (`time.sleep`, `pyb.delay`, …), compared
/// after canonicalisation (`ModuleAliases`), so `utime.sleep` matches an entry `time.sleep`.
///
/// Also keeps the last components, so `SemanticModel.match(_:in:)` can reject an attribute chain
/// whose final name is not in the set before resolving anything.
public struct QualifiedNameSet: Sendable {
  private let names: Set<QualifiedName>
  let lastComponents: IdentifierSet

  public init(_ dottedNames: [String]) {
    let parsed = dottedNames.map { QualifiedName($0).canonical }
    names = Set(parsed)
    lastComponents = IdentifierSet(parsed.compactMap(\.lastComponent))
  }

  public func contains(_ name: QualifiedName) -> Bool { names.contains(name.canonical) }

  public var isEmpty: Bool { names.isEmpty }

  /// Whether a builtin (`builtins.print`) is in the set: a bare name may then match unimported.
  var containsBuiltins: Bool { names.contains { $0.components.first == "builtins" } }
}

extension QualifiedNameSet: ExpressibleByArrayLiteral {
  public init(arrayLiteral elements: String...) { self.init(elements) }
}
