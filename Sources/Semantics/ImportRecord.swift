import PythonSyntax

/// One imported name (`alias` in CPython's `ast`): what it imports and what it binds. The
/// project index reads these for every module, relative imports included.
public struct ImportRecord: Hashable, Sendable {
  /// The `.importAlias` node.
  public let node: SyntaxNode
  /// Whether it comes from `from … import`.
  public let isFrom: Bool
  /// The name imported from the module (`from` imports only; `"*"` for a wildcard).
  public let name: String?
  /// The `as` name, if written.
  public let asName: String?
  /// The binding it makes (`nil` for a wildcard import).
  public let binding: BindingID?
  /// The module imported from, with its level: `..pkg` for `from ..pkg import y`, `.` (no
  /// components) for `from . import x`, `a.b.c` for `import a.b.c`.
  public let moduleName: QualifiedName
  /// What the bound name refers to: `import a.b.c` binds `a` (`a`); `import a.b.c as d` binds
  /// `a.b.c`; `from time import sleep as nap` binds `time.sleep`; `from . import x` binds `.x`;
  /// `nil` for a wildcard. Computed once: name resolution reads it for every imported name.
  public let qualifiedName: QualifiedName?

  init(node: SyntaxNode, isFrom: Bool, moduleName: QualifiedName, name: String?, asName: String?, binding: BindingID?) {
    self.node = node
    self.isFrom = isFrom
    self.moduleName = moduleName
    self.name = name
    self.asName = asName
    self.binding = binding
    if name == "*" {
      qualifiedName = nil
    } else if isFrom {
      qualifiedName = moduleName.appending(name ?? "")
    } else if asName != nil {
      qualifiedName = moduleName
    } else {
      qualifiedName = moduleName.components.first.map { QualifiedName(components: [$0]) }
    }
  }

  /// The module: `"a.b.c"` in `import a.b.c`, `"pkg"` in `from ..pkg import y`, `nil` in
  /// `from . import x`.
  public var module: String? {
    moduleName.components.isEmpty ? nil : moduleName.components.joined(separator: ".")
  }

  /// The number of leading dots of a `from` import.
  public var relativeLevel: Int { moduleName.relativeLevel }

  public var isWildcard: Bool { name == "*" }

  /// The name the import binds: the `as` name; for `import a.b.c` the first component `a`; for
  /// a `from` import the imported name; `nil` for a wildcard.
  public var boundName: String? {
    if isWildcard { return nil }
    if let asName { return asName }
    if isFrom { return name }
    return moduleName.components.first
  }
}
