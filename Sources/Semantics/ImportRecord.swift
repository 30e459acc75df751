import PythonSyntax

/// One imported name (`alias` in CPython's `ast`): what it imports and what it binds. The
/// project index reads these for every module, relative imports included.
public struct ImportRecord: Hashable, Sendable {
  /// The `.importAlias` node.
  public let node: SyntaxNode
  /// Whether it comes from `from … import`.
  public let isFrom: Bool
  /// The module: `"a.b.c"` in `import a.b.c`, `"pkg"` in `from ..pkg import y`, `nil` in
  /// `from . import x`.
  public let module: String?
  /// The name imported from the module (`from` imports only; `"*"` for a wildcard).
  public let name: String?
  /// The `as` name, if written.
  public let asName: String?
  /// The number of leading dots of a `from` import.
  public let relativeLevel: Int
  /// The binding it makes (`nil` for a wildcard import).
  public let binding: BindingID?

  public var isWildcard: Bool { name == "*" }

  /// The name the import binds: the `as` name; for `import a.b.c` the first component `a`; for
  /// a `from` import the imported name.
  public var boundName: String? {
    if isWildcard { return nil }
    if let asName { return asName }
    if isFrom { return name }
    return module.map { String($0.prefix { $0 != "." }) }
  }

  /// What the bound name refers to: `import a.b.c` binds `a` (`a`); `import a.b.c as d` binds
  /// `a.b.c`; `from time import sleep as nap` binds `time.sleep`; `from . import x` binds `.x`.
  public var qualifiedName: QualifiedName? {
    if isWildcard { return nil }
    if isFrom {
      let base = module.map { QualifiedName($0).components } ?? []
      return QualifiedName(components: base + [name ?? ""], relativeLevel: relativeLevel)
    }
    guard let module else { return nil }
    if asName != nil { return QualifiedName(module) }
    return QualifiedName(components: [String(module.prefix { $0 != "." })])
  }

  /// The module imported from, with its level: `..pkg` for `from ..pkg import y`, `.` (no
  /// components) for `from . import x`, `a.b.c` for `import a.b.c`.
  public var moduleName: QualifiedName {
    QualifiedName(components: module.map { QualifiedName($0).components } ?? [], relativeLevel: relativeLevel)
  }
}
