/// Typed views of the module, blocks and simple statements for rules: each wraps a `SyntaxNode` of
/// the right kind and names its parts after CPython's `ast` fields. The views read the tree on
/// access and copy nothing; parts missing from invalid source are `nil` (or an empty
/// `.errorExpression` node where the parser recorded one).

// MARK: Module and blocks

/// The whole file (`Module`).
public struct ModuleSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .module else { return nil }
    self.node = node
  }

  /// The top-level statements in order, error statements included.
  public var statements: [SyntaxNode] { node.children.filter { $0.kind.isStatement } }
}

/// The body of a compound statement or clause: `NEWLINE INDENT statement+ DEDENT`, or the simple
/// statements written after the colon on the header's line.
public struct BlockSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .block else { return nil }
    self.node = node
  }

  /// The statements in order, error statements included (empty when the body is missing).
  public var statements: [SyntaxNode] { node.children.filter { $0.kind.isStatement } }

  public var firstStatement: SyntaxNode? { node.children.first { $0.kind.isStatement } }
  public var lastStatement: SyntaxNode? { node.children.reduce(nil) { $1.kind.isStatement ? $1 : $0 } }

  /// Whether the body is written on the header's line (`if x: return`).
  public var isSingleLine: Bool {
    !node.isEmpty && node.tree.tokens.kinds[Int(node.firstToken)] != .newline
  }

  /// Whether the body is an indented block on lines of its own.
  public var isIndented: Bool {
    node.endToken - node.firstToken >= 2 && node.tree.tokens.kinds[Int(node.firstToken) + 1] == .indent
  }

  /// The indentation of an indented body's statements (the whitespace before its first statement
  /// on that statement's line); `nil` for a single-line or missing body.
  public var indentation: Range<UInt32>? {
    guard isIndented, let first = firstStatement else { return nil }
    return first.lineIndentation
  }

  /// The indentation text (`"    "`, `"\t"`, …) of an indented body.
  public var indentationText: String? { indentation.map { node.tree.source.text($0) } }
}

extension SyntaxNode {
  /// The whitespace from the start of the line on which this node starts up to its first token,
  /// or `nil` when something other than spaces, tabs and form feeds precedes it on that line
  /// (`b` in `a; b`) or the node is empty.
  public var lineIndentation: Range<UInt32>? {
    guard !isEmpty else { return nil }
    let start = tree.tokens.textStarts[Int(firstToken)]
    let source = tree.source
    let lineStart = source.lineStarts[source.line(of: start) - 1]
    var offset = lineStart
    while offset < start {
      switch source.bytes[Int(offset)] {
      case UInt8(ascii: " "), UInt8(ascii: "\t"), 0x0C: offset += 1
      default: return nil
      }
    }
    return lineStart..<start
  }
}

// MARK: Expressions and assignments

/// An expression used as a statement (`Expr`): a call, an `await`, a `yield`, a docstring.
public struct ExpressionStatementSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .expressionStatement else { return nil }
    self.node = node
  }

  public var expression: SyntaxNode { node.child(at: 0)! }
}

/// `a = b = value` (`Assign`): one or more targets, then the value.
public struct AssignmentSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .assignment else { return nil }
    self.node = node
  }

  /// The targets from left to right (`a, b = …` has one `.tuple` target).
  public var targets: [SyntaxNode] { Array(node.children.dropLast()) }
  public var value: SyntaxNode { node.statementLastChild! }
}

/// `target op= value` (`AugAssign`).
public struct AugmentedAssignmentSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .augmentedAssignment else { return nil }
    self.node = node
  }

  public var target: SyntaxNode { node.child(at: 0)! }
  /// The `+=`, `-=`, … token.
  public var operatorToken: UInt32 { target.endToken }
  public var operatorKind: TokenKind { node.tree.tokens.kinds[Int(operatorToken)] }
  public var value: SyntaxNode? { node.child(at: 1) }
}

/// `target: annotation [= value]` (`AnnAssign`).
public struct AnnotatedAssignmentSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .annotatedAssignment else { return nil }
    self.node = node
  }

  public var target: SyntaxNode { node.child(at: 0)! }
  public var annotation: SyntaxNode? { node.child(at: 1) }
  public var value: SyntaxNode? { node.child(at: 2) }
  /// CPython's `simple`: the target is a name without parentheses.
  public var isSimple: Bool { target.kind == .name }
}

/// `type Name[T] = value` (`TypeAlias`).
public struct TypeAliasSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .typeAlias else { return nil }
    self.node = node
  }

  /// The alias's `.name` node.
  public var name: SyntaxNode { node.child(at: 0)! }
  public var typeParameters: TypeParametersSyntax? { node.child(.typeParameters).flatMap(TypeParametersSyntax.init) }
  public var value: SyntaxNode? {
    guard let last = node.statementLastChild, last.index != name.index, last.kind != .typeParameters else { return nil }
    return last
  }
}

// MARK: Keyword statements

/// `return [value]` (`Return`).
public struct ReturnSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .returnStatement else { return nil }
    self.node = node
  }

  public var value: SyntaxNode? { node.child(at: 0) }
}

/// `raise [exception [from cause]]` (`Raise`).
public struct RaiseSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .raiseStatement else { return nil }
    self.node = node
  }

  public var exception: SyntaxNode? { node.child(at: 0) }
  public var cause: SyntaxNode? { node.child(at: 1) }
  /// A bare `raise` (re-raises the exception being handled).
  public var isBare: Bool { node.subtreeSize == 1 }
}

/// `del a, b[0]` (`Delete`): one child per target (`del (a, b)` has one tuple).
public struct DeleteSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .deleteStatement else { return nil }
    self.node = node
  }

  public var targets: [SyntaxNode] { Array(node.children) }
}

/// `assert test [, message]` (`Assert`).
public struct AssertSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .assertStatement else { return nil }
    self.node = node
  }

  public var test: SyntaxNode { node.child(at: 0)! }
  public var message: SyntaxNode? { node.child(at: 1) }
}

/// `global a, b` (`Global`): the names are tokens (not `Name` nodes in CPython's `ast`).
public struct GlobalSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .globalStatement else { return nil }
    self.node = node
  }

  public var nameTokens: [UInt32] { node.nameListTokens }
  public var names: [String] { nameTokens.map { node.tokenText($0) } }
}

/// `nonlocal a, b` (`Nonlocal`): the names are tokens.
public struct NonlocalSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .nonlocalStatement else { return nil }
    self.node = node
  }

  public var nameTokens: [UInt32] { node.nameListTokens }
  public var names: [String] { nameTokens.map { node.tokenText($0) } }
}

// MARK: Helpers

extension SyntaxNode {
  /// The name tokens of a `global`/`nonlocal` statement.
  var nameListTokens: [UInt32] {
    let kinds = tree.tokens.kinds
    return (firstToken..<endToken).filter { kinds[Int($0)] == .name }
  }

  /// The last direct child, if any.
  var statementLastChild: SyntaxNode? {
    var last: SyntaxNode? = nil
    for child in children { last = child }
    return last
  }

  /// The first direct child starting at or after token `token`.
  func statementChild(from token: UInt32) -> SyntaxNode? {
    children.first { $0.firstToken >= token }
  }

  /// The first direct token of `kind` that lies between this node's children (no allocation).
  func statementDirectToken(_ kind: TokenKind) -> UInt32? {
    let kinds = tree.tokens.kinds
    var token = firstToken
    for child in children {
      while token < child.firstToken {
        if kinds[Int(token)] == kind { return token }
        token += 1
      }
      token = max(token, child.endToken)
    }
    while token < endToken {
      if kinds[Int(token)] == kind { return token }
      token += 1
    }
    return nil
  }

  public var asModule: ModuleSyntax? { ModuleSyntax(self) }
  public var asBlock: BlockSyntax? { BlockSyntax(self) }
  public var asExpressionStatement: ExpressionStatementSyntax? { ExpressionStatementSyntax(self) }
  public var asAssignment: AssignmentSyntax? { AssignmentSyntax(self) }
  public var asAugmentedAssignment: AugmentedAssignmentSyntax? { AugmentedAssignmentSyntax(self) }
  public var asAnnotatedAssignment: AnnotatedAssignmentSyntax? { AnnotatedAssignmentSyntax(self) }
  public var asTypeAlias: TypeAliasSyntax? { TypeAliasSyntax(self) }
  public var asReturn: ReturnSyntax? { ReturnSyntax(self) }
  public var asRaise: RaiseSyntax? { RaiseSyntax(self) }
  public var asDelete: DeleteSyntax? { DeleteSyntax(self) }
  public var asAssert: AssertSyntax? { AssertSyntax(self) }
  public var asGlobal: GlobalSyntax? { GlobalSyntax(self) }
  public var asNonlocal: NonlocalSyntax? { NonlocalSyntax(self) }
}
