/// Typed views of `import` and `from … import` statements.

/// `import a.b as c, d` (`Import`).
public struct ImportSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .importStatement else { return nil }
    self.node = node
  }

  public var aliases: [ImportAliasSyntax] { node.children.compactMap(ImportAliasSyntax.init) }
}

/// `from [.…]module import names` (`ImportFrom`).
public struct ImportFromSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .importFromStatement else { return nil }
    self.node = node
  }

  /// CPython's `level`: the number of leading dots (`...` counts three).
  public var relativeLevel: Int {
    let kinds = node.tree.tokens.kinds
    var level = 0
    var token = node.firstToken + 1
    while token < node.endToken {
      switch kinds[Int(token)] {
      case .dot: level += 1
      case .ellipsis: level += 3
      default: return level
      }
      token += 1
    }
    return level
  }

  /// The `.dottedName` after the dots (`nil` in `from . import x`).
  public var moduleNameNode: SyntaxNode? { node.child(.dottedName) }
  /// The module path without the leading dots (`"a.b"`), `nil` in `from . import x`.
  public var module: String? { moduleNameNode.map(\.dottedNameText) }
  public var aliases: [ImportAliasSyntax] { node.children.compactMap(ImportAliasSyntax.init) }
  /// `from m import *`.
  public var isWildcard: Bool { aliases.first?.isWildcard ?? false }
}

/// `name [as asname]` in an import (`alias`). In `import` the name is a `.dottedName` child; in
/// `from … import` it is a name (or `*`) token.
public struct ImportAliasSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .importAlias else { return nil }
    self.node = node
  }

  /// The imported name as written without trivia: `"os.path"`, `"sleep"`, `"*"`.
  public var name: String {
    if let dotted = node.child(.dottedName) { return dotted.dottedNameText }
    return node.isEmpty ? "" : node.tokenText(node.firstToken)
  }

  public var isWildcard: Bool { node.tree.tokens.kinds[Int(node.firstToken)] == .star }

  /// The name token after `as`.
  public var asNameToken: UInt32? {
    guard let asToken = node.statementDirectToken(.asKeyword), asToken + 1 < node.endToken else { return nil }
    return asToken + 1
  }

  public var asName: String? { asNameToken.map { node.tokenText($0) } }

  /// The name the import binds: the `as` name, else (for `import a.b`) the first component,
  /// else the imported name.
  public var boundName: String {
    if let asName { return asName }
    if let dotted = node.child(.dottedName) {
      return dotted.isEmpty ? "" : dotted.tokenText(dotted.firstToken)
    }
    return name
  }
}

extension SyntaxNode {
  /// A `.dottedName`'s names joined by dots, without trivia (`a . b` gives `"a.b"`).
  var dottedNameText: String {
    let kinds = tree.tokens.kinds
    var text = ""
    for token in firstToken..<endToken where kinds[Int(token)] == .name || kinds[Int(token)] == .dot {
      text += tokenText(token)
    }
    return text
  }

  public var asImport: ImportSyntax? { ImportSyntax(self) }
  public var asImportFrom: ImportFromSyntax? { ImportFromSyntax(self) }
}
