import PythonSyntax

/// A chain of names read or written: `["self", "ready"]` for `self.ready`.
public struct StatePath: Hashable, Sendable {
  public let components: [String]
  /// The `.name` node at the root, for resolving it (`nil` for a name bound by a token, as in
  /// `except E as name`).
  public let root: SyntaxNode?

  public var count: Int { components.count }

  public static func == (lhs: StatePath, rhs: StatePath) -> Bool { lhs.components == rhs.components }
  public func hash(into hasher: inout Hasher) { hasher.combine(components) }

  /// Whether one path is a prefix of the other: changing either may change the other.
  public func overlaps(_ other: StatePath) -> Bool {
    let shorter = min(count, other.count)
    return components.prefix(shorter) == other.components.prefix(shorter)
  }

  /// Whether the root name is a variable of `function`'s own scope (a parameter or a local),
  /// not a global, nonlocal, builtin or import that other code can rebind.
  public func isLocal(to function: ScopeID?, in model: SemanticModel) -> Bool {
    guard let function, let root, case .bound(let bindings) = model.resolve(root), !bindings.isEmpty else {
      return false
    }
    return bindings.allSatisfy { $0.scope == function }
  }

  public init(name: String) {
    components = [name]
    root = nil
  }

  /// The path of a name, attribute chain or subscript (an item stands for its container):
  /// `a.b[i].c` gives `a.b.c`; `nil` when the chain starts at a call or literal.
  public init?(_ expression: SyntaxNode) {
    var node = expression.unparenthesized
    var tail: [String] = []
    while true {
      switch node.kind {
      case .attribute:
        guard let attribute = AttributeSyntax(node), let name = attribute.name else { return nil }
        tail.append(name)
        node = attribute.value.unparenthesized
      case .subscription:
        guard let value = SubscriptSyntax(node)?.value else { return nil }
        node = value.unparenthesized
      case .name:
        components = [node.text] + tail.reversed()
        root = node
        return
      default:
        return nil
      }
    }
  }
}
