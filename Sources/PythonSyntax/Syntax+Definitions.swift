/// Typed views of definitions: `def`, `async def`, `class`, decorators and type parameters.

/// `[decorators] [async] def name[type_params](parameters) [-> returns]: body` (`FunctionDef`,
/// `AsyncFunctionDef`).
public struct FunctionDefSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .functionDef || node.kind == .asyncFunctionDef else { return nil }
    self.node = node
  }

  /// `async def` (a coroutine function).
  public var isAsync: Bool { node.kind == .asyncFunctionDef }
  public var decorators: [DecoratorSyntax] { node.children.compactMap(DecoratorSyntax.init) }
  /// The `async` token, if any.
  public var asyncToken: UInt32? { isAsync ? node.firstTokenAfterDecorators : nil }
  /// The `def` token.
  public var defToken: UInt32 { node.firstTokenAfterDecorators + (isAsync ? 1 : 0) }
  /// The function's name token (`nil` when the source lacks it).
  public var nameToken: UInt32? { node.definitionNameToken(after: defToken) }
  public var name: String? { nameToken.map { node.tokenText($0) } }

  /// Whether the function is named `text` (no allocation).
  public func isNamed(_ text: StaticString) -> Bool {
    guard let token = nameToken else { return false }
    return node.tree.token(token, is: text)
  }

  public var typeParameters: TypeParametersSyntax? { node.child(.typeParameters).flatMap(TypeParametersSyntax.init) }
  public var parameters: ParametersSyntax? { node.child(.parameters).flatMap(ParametersSyntax.init) }
  /// The return annotation after `->`.
  public var returns: SyntaxNode? {
    guard let arrow = node.statementDirectToken(.arrow), let child = node.statementChild(from: arrow),
      child.kind != .block
    else { return nil }
    return child
  }

  public var body: BlockSyntax? { node.child(.block).flatMap(BlockSyntax.init) }
}

/// `[decorators] class name[type_params][(bases, keywords)]: body` (`ClassDef`).
public struct ClassDefSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .classDef else { return nil }
    self.node = node
  }

  public var decorators: [DecoratorSyntax] { node.children.compactMap(DecoratorSyntax.init) }
  /// The `class` token.
  public var classToken: UInt32 { node.firstTokenAfterDecorators }
  public var nameToken: UInt32? { node.definitionNameToken(after: classToken) }
  public var name: String? { nameToken.map { node.tokenText($0) } }

  public func isNamed(_ text: StaticString) -> Bool {
    guard let token = nameToken else { return false }
    return node.tree.token(token, is: text)
  }

  public var typeParameters: TypeParametersSyntax? { node.child(.typeParameters).flatMap(TypeParametersSyntax.init) }
  /// The `( … )` after the name, if written.
  public var argumentList: SyntaxNode? { node.child(.argumentList) }
  /// Every argument in order (bases, `*bases`, `metaclass=…`, `**kwargs`).
  public var arguments: [ArgumentSyntax] { argumentList.map { $0.children.map(ArgumentSyntax.init) } ?? [] }
  /// CPython's `bases`: the positional arguments (starred ones included).
  public var bases: [SyntaxNode] { arguments.filter { $0.kind == .positional || $0.kind == .starred }.map(\.node) }
  /// CPython's `keywords`: `name=value` and `**value` arguments.
  public var keywords: [ArgumentSyntax] { arguments.filter { $0.kind == .keyword || $0.kind == .doubleStarred } }
  public var body: BlockSyntax? { node.child(.block).flatMap(BlockSyntax.init) }
}

/// `@expression NEWLINE` before a `def` or `class`.
public struct DecoratorSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .decorator else { return nil }
    self.node = node
  }

  /// The decorator expression (`micropython.viper`, `app.route("/")`, …).
  public var expression: SyntaxNode { node.child(at: 0)! }
}

/// `[T: bound = default, *Ts, **P]` (PEP 695, PEP 696).
public struct TypeParametersSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .typeParameters else { return nil }
    self.node = node
  }

  public var parameters: [TypeParameterSyntax] { node.children.compactMap(TypeParameterSyntax.init) }
}

/// One type parameter: `TypeVar`, `TypeVarTuple` or `ParamSpec`.
public struct TypeParameterSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .typeVar || node.kind == .typeVarTuple || node.kind == .paramSpec else { return nil }
    self.node = node
  }

  public var nameToken: UInt32? {
    let token = node.kind == .typeVar ? node.firstToken : node.firstToken + 1
    return token < node.endToken && node.tree.tokens.kinds[Int(token)] == .name ? token : nil
  }

  public var name: String? { nameToken.map { node.tokenText($0) } }
  /// The bound after `:` (type variables only).
  public var bound: SyntaxNode? {
    guard let colon = node.statementDirectToken(.colon) else { return nil }
    return node.statementChild(from: colon)
  }

  /// The default after `=` (PEP 696).
  public var defaultValue: SyntaxNode? {
    guard let equal = node.statementDirectToken(.equal) else { return nil }
    return node.statementChild(from: equal)
  }
}

extension SyntaxNode {
  /// The first token of a def/class that is not inside one of its decorators.
  var firstTokenAfterDecorators: UInt32 {
    var start = firstToken
    for child in children {
      guard child.kind == .decorator else { break }
      start = child.endToken
    }
    return start
  }

  /// The name token right after `def`/`class` token `keyword`, if there is one.
  func definitionNameToken(after keyword: UInt32) -> UInt32? {
    let token = keyword + 1
    return token < endToken && tree.tokens.kinds[Int(token)] == .name ? token : nil
  }

  public var asFunctionDef: FunctionDefSyntax? { FunctionDefSyntax(self) }
  public var asClassDef: ClassDefSyntax? { ClassDefSyntax(self) }
  public var asDecorator: DecoratorSyntax? { DecoratorSyntax(self) }
}
