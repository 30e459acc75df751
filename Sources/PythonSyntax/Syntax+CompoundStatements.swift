/// Typed views of compound statements and their clauses. Bodies are `BlockSyntax`; a body is
/// `nil` only when the parser could not get that far (the header was cut off).

// MARK: if, while, for

/// `if test: body elif …: … else: …` (`If`). The `elif` clauses are children of the statement
/// (CPython nests each as an `If` in the previous `orelse`).
public struct IfSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .ifStatement else { return nil }
    self.node = node
  }

  public var condition: SyntaxNode { node.child(at: 0)! }
  public var body: BlockSyntax? { node.child(.block).flatMap(BlockSyntax.init) }
  public var elifClauses: [ElifClauseSyntax] { node.children.compactMap(ElifClauseSyntax.init) }
  public var elseClause: ElseClauseSyntax? { node.child(.elseClause).flatMap(ElseClauseSyntax.init) }
}

/// `elif test: body` (an `If` in CPython's `ast`).
public struct ElifClauseSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .elifClause else { return nil }
    self.node = node
  }

  public var condition: SyntaxNode { node.child(at: 0)! }
  public var body: BlockSyntax? { node.child(.block).flatMap(BlockSyntax.init) }
}

/// `else: body` of an `if`, `for`, `while` or `try` (CPython's `orelse`).
public struct ElseClauseSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .elseClause else { return nil }
    self.node = node
  }

  public var body: BlockSyntax? { node.child(.block).flatMap(BlockSyntax.init) }
}

/// `while test: body [else: …]` (`While`).
public struct WhileSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .whileStatement else { return nil }
    self.node = node
  }

  public var condition: SyntaxNode { node.child(at: 0)! }
  public var body: BlockSyntax? { node.child(.block).flatMap(BlockSyntax.init) }
  public var elseClause: ElseClauseSyntax? { node.child(.elseClause).flatMap(ElseClauseSyntax.init) }
  /// CPython's `orelse`: the body of the `else` clause.
  public var orelse: BlockSyntax? { elseClause?.body }
}

/// `[async] for target in iterable: body [else: …]` (`For`, `AsyncFor`).
public struct ForSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .forStatement || node.kind == .asyncForStatement else { return nil }
    self.node = node
  }

  public var isAsync: Bool { node.kind == .asyncForStatement }
  /// The `async` token of `async for`.
  public var asyncToken: UInt32? { isAsync ? node.firstToken : nil }
  public var target: SyntaxNode { node.child(at: 0)! }
  /// The expression after `in` (`nil` when `in` is missing).
  public var iterable: SyntaxNode? {
    guard let inToken = node.statementDirectToken(.inKeyword), let child = node.statementChild(from: inToken),
      child.kind != .block
    else { return nil }
    return child
  }

  public var body: BlockSyntax? { node.child(.block).flatMap(BlockSyntax.init) }
  public var elseClause: ElseClauseSyntax? { node.child(.elseClause).flatMap(ElseClauseSyntax.init) }
  /// CPython's `orelse`: the body of the `else` clause (runs when the loop ends without `break`).
  public var orelse: BlockSyntax? { elseClause?.body }
}

// MARK: with

/// `[async] with item, …: body` (`With`, `AsyncWith`).
public struct WithSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .withStatement || node.kind == .asyncWithStatement else { return nil }
    self.node = node
  }

  public var isAsync: Bool { node.kind == .asyncWithStatement }
  public var asyncToken: UInt32? { isAsync ? node.firstToken : nil }
  public var items: [WithItemSyntax] { node.children.compactMap(WithItemSyntax.init) }
  /// Whether the items are in brackets of their own (`with (a as b, c):`).
  public var hasParenthesizedItems: Bool { node.statementDirectToken(.leftParen) != nil }
  public var body: BlockSyntax? { node.child(.block).flatMap(BlockSyntax.init) }
}

/// `context_expr [as target]` (`withitem`).
public struct WithItemSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .withItem else { return nil }
    self.node = node
  }

  public var contextExpression: SyntaxNode { node.child(at: 0)! }
  /// The target after `as`, if any.
  public var target: SyntaxNode? { node.child(at: 1) }
}

// MARK: try

/// `try: body except …: … else: … finally: …` (`Try`, or `TryStar` with `except*` handlers).
public struct TrySyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .tryStatement || node.kind == .tryStarStatement else { return nil }
    self.node = node
  }

  public var isStar: Bool { node.kind == .tryStarStatement }
  public var body: BlockSyntax? { node.child(.block).flatMap(BlockSyntax.init) }
  public var handlers: [ExceptClauseSyntax] { node.children.compactMap(ExceptClauseSyntax.init) }
  public var elseClause: ElseClauseSyntax? { node.child(.elseClause).flatMap(ElseClauseSyntax.init) }
  public var finallyClause: FinallyClauseSyntax? { node.child(.finallyClause).flatMap(FinallyClauseSyntax.init) }
  /// CPython's `orelse` and `finalbody`.
  public var orelse: BlockSyntax? { elseClause?.body }
  public var finalbody: BlockSyntax? { finallyClause?.body }
}

/// `except [*] [type [as name]]: body` (`ExceptHandler`).
public struct ExceptClauseSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .exceptClause else { return nil }
    self.node = node
  }

  /// `except*` (PEP 654).
  public var isStar: Bool {
    node.endToken > node.firstToken + 1 && node.tree.tokens.kinds[Int(node.firstToken) + 1] == .star
  }

  /// The exception type expression; `nil` for a bare `except:`. `except A, B:` (PEP 758) gives
  /// a tuple without brackets.
  public var type: SyntaxNode? {
    guard let first = node.child(at: 0), first.kind != .block else { return nil }
    return first
  }

  /// The types caught: the elements of a tuple (bracketed or not), else the type itself; empty
  /// for a bare `except:`.
  public var caughtTypes: [SyntaxNode] {
    guard let type = type?.unparenthesized else { return [] }
    return type.kind == .tuple ? Array(type.children) : [type]
  }

  /// The name token after `as`.
  public var nameToken: UInt32? {
    guard let asToken = node.statementDirectToken(.asKeyword),
      node.tree.tokens.kinds[Int(asToken) + 1] == .name
    else { return nil }
    return asToken + 1
  }

  public var name: String? { nameToken.map { node.tokenText($0) } }
  public var body: BlockSyntax? { node.child(.block).flatMap(BlockSyntax.init) }
}

/// `finally: body`.
public struct FinallyClauseSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .finallyClause else { return nil }
    self.node = node
  }

  public var body: BlockSyntax? { node.child(.block).flatMap(BlockSyntax.init) }
}

// MARK: match

/// `match subject: case …` (`Match`).
public struct MatchSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .matchStatement else { return nil }
    self.node = node
  }

  public var subject: SyntaxNode { node.child(at: 0)! }
  public var cases: [MatchCaseSyntax] { node.children.compactMap(MatchCaseSyntax.init) }
}

/// `case pattern [if guard]: body` (`match_case`).
public struct MatchCaseSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .matchCase else { return nil }
    self.node = node
  }

  /// The pattern (a `.matchAs`, `.matchValue`, `.matchSequence`, … node).
  public var pattern: SyntaxNode { node.child(at: 0)! }
  /// The expression after `if`, if any.
  public var guardExpression: SyntaxNode? {
    guard let ifToken = node.statementDirectToken(.ifKeyword), let child = node.statementChild(from: ifToken),
      child.kind != .block
    else { return nil }
    return child
  }

  public var body: BlockSyntax? { node.child(.block).flatMap(BlockSyntax.init) }
}

extension SyntaxNode {
  public var asIf: IfSyntax? { IfSyntax(self) }
  public var asWhile: WhileSyntax? { WhileSyntax(self) }
  public var asFor: ForSyntax? { ForSyntax(self) }
  public var asWith: WithSyntax? { WithSyntax(self) }
  public var asTry: TrySyntax? { TrySyntax(self) }
  public var asExceptClause: ExceptClauseSyntax? { ExceptClauseSyntax(self) }
  public var asMatch: MatchSyntax? { MatchSyntax(self) }
}
