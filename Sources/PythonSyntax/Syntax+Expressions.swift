/// Typed views of expression nodes for rules: each wraps a `SyntaxNode` of the right kind and names
/// its parts after CPython's `ast` fields, so a rule reads `call.callee` rather than
/// `node.child(at: 0)`. The views are computed from the tree on access; they copy nothing.

// MARK: Names and attributes

/// A name used as an expression: a load, a store target, or the target of `:=` (`Name`).
public struct NameSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .name else { return nil }
    self.node = node
  }

  public var identifierToken: UInt32 { node.firstToken }
  public var identifier: String { node.tokenText(identifierToken) }

  /// Whether the name is spelled `text` (no allocation).
  public func isIdentifier(_ text: StaticString) -> Bool { node.tree.token(identifierToken, is: text) }
}

/// `value.name` (`Attribute`): the value is the only child, `.` and the name are direct tokens.
public struct AttributeSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .attribute else { return nil }
    self.node = node
  }

  public var value: SyntaxNode { node.child(at: 0)! }

  /// The attribute name's token; `nil` when the source lacks it (`a.` followed by nothing).
  public var nameToken: UInt32? {
    let last = node.endToken - 1
    return node.tree.tokens.kinds[Int(last)] == .dot ? nil : last
  }

  public var name: String? { nameToken.map { node.tokenText($0) } }

  /// Whether the attribute name is spelled `text` (no allocation).
  public func isName(_ text: StaticString) -> Bool {
    guard let token = nameToken else { return false }
    return node.tree.token(token, is: text)
  }
}

// MARK: Calls

/// `callee(arguments)` (`Call`).
public struct CallSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .call else { return nil }
    self.node = node
  }

  public var callee: SyntaxNode { node.child(at: 0)! }
  /// The `( … )` node.
  public var argumentList: SyntaxNode { node.child(at: 1)! }

  /// Every argument in source order (CPython's `args` then `keywords`, interleaved as written).
  public var arguments: [ArgumentSyntax] { argumentList.children.map(ArgumentSyntax.init) }

  /// The positional arguments (starred ones included), in order.
  public var positionalArguments: [ArgumentSyntax] {
    arguments.filter { $0.kind == .positional || $0.kind == .starred }
  }

  /// The argument passed as `name=…`, if any.
  public func keywordArgument(_ name: StaticString) -> ArgumentSyntax? {
    arguments.first { argument in
      guard let token = argument.keywordToken else { return false }
      return node.tree.token(token, is: name)
    }
  }
}

/// One argument of a call or class definition: a child of an `.argumentList`.
public struct ArgumentSyntax: Hashable, Sendable {
  public enum Kind: Sendable {
    /// `value` (a sole generator argument `f(x for x in y)` too).
    case positional
    /// `*value`.
    case starred
    /// `name=value`.
    case keyword
    /// `**value`.
    case doubleStarred
  }

  /// The argument's node: the expression itself, a `.starred` or a `.keywordArgument`.
  public let node: SyntaxNode

  public init(_ node: SyntaxNode) { self.node = node }

  public var kind: Kind {
    switch node.kind {
    case .starred: return .starred
    case .keywordArgument:
      return node.tree.tokens.kinds[Int(node.firstToken)] == .doubleStar ? .doubleStarred : .keyword
    default: return .positional
    }
  }

  public var isStarred: Bool { kind == .starred }
  public var isDoubleStarred: Bool { kind == .doubleStarred }

  /// The keyword's name token of `name=value`.
  public var keywordToken: UInt32? {
    guard node.kind == .keywordArgument, node.tree.tokens.kinds[Int(node.firstToken)] == .name,
      node.tree.tokens.kinds[Int(node.firstToken) + 1] == .equal
    else { return nil }
    return node.firstToken
  }

  public var keyword: String? { keywordToken.map { node.tokenText($0) } }

  /// The value passed: the expression after `*`, `**` or `name=`, or the argument itself.
  public var value: SyntaxNode {
    switch node.kind {
    case .starred, .keywordArgument: return lastChild(of: node) ?? node
    default: return node
    }
  }
}

// MARK: Operators

/// `await operand` (`Await`).
public struct AwaitSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .awaitExpression else { return nil }
    self.node = node
  }

  public var operand: SyntaxNode { node.child(at: 0)! }
}

/// `a and b and c` / `a or b` (`BoolOp`): one node for the whole chain of one operator.
public struct BoolOperationSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .boolOperation else { return nil }
    self.node = node
  }

  /// `.andKeyword` or `.orKeyword`.
  public var operatorKind: TokenKind { node.tree.tokens.kinds[Int(node.child(at: 0)!.endToken)] }
  public var operands: [SyntaxNode] { Array(node.children) }
}

/// `left op right` (`BinOp`); the operator is the direct token between the operands.
public struct BinaryOperationSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .binaryOperation else { return nil }
    self.node = node
  }

  public var left: SyntaxNode { node.child(at: 0)! }
  public var right: SyntaxNode { node.child(at: 1)! }
  public var operatorToken: UInt32 { left.endToken }
  public var operatorKind: TokenKind { node.tree.tokens.kinds[Int(operatorToken)] }
}

/// `not x`, `-x`, `+x`, `~x` (`UnaryOp`); the operator is the first token.
public struct UnaryOperationSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .unaryOperation else { return nil }
    self.node = node
  }

  public var operatorKind: TokenKind { node.tree.tokens.kinds[Int(node.firstToken)] }
  public var operand: SyntaxNode { node.child(at: 0)! }
}

/// `a < b <= c`, `x is not None`, `k not in d` (`Compare`): one node for the whole chain.
public struct ComparisonSyntax: Hashable, Sendable {
  public enum Operator: Sendable {
    case equal, notEqual, less, lessEqual, greater, greaterEqual, `is`, isNot, `in`, notIn
  }

  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .comparison else { return nil }
    self.node = node
  }

  public var left: SyntaxNode { node.child(at: 0)! }
  public var comparators: [SyntaxNode] { Array(node.children.dropFirst()) }

  /// The operators, one per comparator.
  public var operators: [Operator] {
    let kinds = node.tree.tokens.kinds
    var result: [Operator] = []
    var previous: SyntaxNode? = nil
    for child in node.children {
      defer { previous = child }
      guard let previous else { continue }
      let first = kinds[Int(previous.endToken)]
      let twoTokens = child.firstToken - previous.endToken >= 2
      switch first {
      case .equalEqual: result.append(.equal)
      case .notEqual, .lessGreater: result.append(.notEqual)
      case .less: result.append(.less)
      case .lessEqual: result.append(.lessEqual)
      case .greater: result.append(.greater)
      case .greaterEqual: result.append(.greaterEqual)
      case .isKeyword: result.append(twoTokens ? .isNot : .is)
      case .notKeyword: result.append(.notIn)
      default: result.append(.in)
      }
    }
    return result
  }
}

/// `body if test else orElse` (`IfExp`); children in source order.
public struct ConditionalExpressionSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .conditionalExpression else { return nil }
    self.node = node
  }

  public var body: SyntaxNode { node.child(at: 0)! }
  public var test: SyntaxNode { node.child(at: 1)! }
  public var orElse: SyntaxNode { node.child(at: 2)! }
}

/// `target := value` (`NamedExpr`).
public struct NamedExpressionSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .namedExpression else { return nil }
    self.node = node
  }

  public var target: SyntaxNode { node.child(at: 0)! }
  public var value: SyntaxNode { lastChild(of: node)! }
}

/// `*value` (`Starred`) in a display, target, call or subscript.
public struct StarredSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .starred else { return nil }
    self.node = node
  }

  public var value: SyntaxNode { node.child(at: 0)! }
}

/// `yield [value]` or `yield from value` (`Yield`, `YieldFrom`).
public struct YieldSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .yieldExpression || node.kind == .yieldFromExpression else { return nil }
    self.node = node
  }

  public var isFrom: Bool { node.kind == .yieldFromExpression }
  public var value: SyntaxNode? { node.child(at: 0) }
}

// MARK: Lambdas and parameters

/// `lambda parameters: body` (`Lambda`).
public struct LambdaSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .lambda else { return nil }
    self.node = node
  }

  /// Always present; empty (no tokens) for `lambda: x`.
  public var parameters: ParametersSyntax { ParametersSyntax(node.child(at: 0)!)! }
  public var body: SyntaxNode { lastChild(of: node)! }
}

/// The parameters of a `def` (with parentheses) or a `lambda` (`arguments`).
public struct ParametersSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .parameters else { return nil }
    self.node = node
  }

  /// Every parameter in source order, with its kind and default.
  public var parameters: [ParameterSyntax] {
    let kinds = node.tree.tokens.kinds
    var slash: UInt32? = nil
    var star: UInt32? = nil
    for token in node.directTokens {
      if kinds[Int(token)] == .slash && slash == nil { slash = token }
      if kinds[Int(token)] == .star && star == nil { star = token }
    }
    var result: [ParameterSyntax] = []
    for child in node.children {
      let previous = kinds[Int(child.firstToken) - 1]
      if child.kind != .parameter {
        // A default: the expression after `=` belongs to the parameter before it.
        if previous == .equal && !result.isEmpty { result[result.count - 1].defaultValue = child }
        continue
      }
      let kind: ParameterSyntax.Kind
      if previous == .star {
        kind = .variadicPositional
      } else if previous == .doubleStar {
        kind = .variadicKeyword
      } else if let slash, child.firstToken < slash {
        kind = .positionalOnly
      } else if let star, child.firstToken > star {
        kind = .keywordOnly
      } else {
        kind = .regular
      }
      result.append(ParameterSyntax(node: child, kind: kind, defaultValue: nil))
    }
    return result
  }
}

/// One parameter (`arg`): its name and annotation; its kind and default come from the list.
public struct ParameterSyntax: Hashable, Sendable {
  public enum Kind: Sendable {
    /// Before `/`.
    case positionalOnly
    /// Positional or keyword.
    case regular
    /// `*args`.
    case variadicPositional
    /// After `*` or `*args`.
    case keywordOnly
    /// `**kwargs`.
    case variadicKeyword
  }

  public let node: SyntaxNode
  public let kind: Kind
  /// The expression after `=`, if any.
  public internal(set) var defaultValue: SyntaxNode?

  public var nameToken: UInt32 { node.firstToken }
  public var name: String { node.tokenText(nameToken) }
  /// The expression after `:` (a `.starred` for `*args: *Ts`).
  public var annotation: SyntaxNode? { node.child(at: 0) }
}

// MARK: Subscripts

/// `value[slice]` (`Subscript`).
public struct SubscriptSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .subscription else { return nil }
    self.node = node
  }

  public var value: SyntaxNode { node.child(at: 0)! }
  /// An expression, a `.slice`, or a `.tuple` without brackets (`x[1:2, 3]`).
  public var slice: SyntaxNode? { node.child(at: 1) }
}

/// `lower:upper:step` (`Slice`); each part may be absent.
public struct SliceSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .slice else { return nil }
    self.node = node
  }

  public var lower: SyntaxNode? { part(0) }
  public var upper: SyntaxNode? { part(1) }
  public var step: SyntaxNode? { part(2) }

  /// The child between the `index`-th colon and the next (index 0: before the first colon).
  private func part(_ index: Int) -> SyntaxNode? {
    let colons = node.directTokens.filter { node.tree.tokens.kinds[Int($0)] == .colon }
    let start = index == 0 ? node.firstToken : (index <= colons.count ? colons[index - 1] + 1 : node.endToken)
    let end = index < colons.count ? colons[index] : node.endToken
    return node.children.first { $0.firstToken >= start && $0.endToken <= end && !$0.isEmpty }
  }
}

// MARK: Literals

/// A number, string (possibly several concatenated), bytes, `True`, `False`, `None` or `...`
/// (`Constant`).
public struct ConstantSyntax: Hashable, Sendable {
  public enum Kind: Sendable {
    case integer, float, imaginary, string, bytes, `true`, `false`, none, ellipsis
  }

  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .constant else { return nil }
    self.node = node
  }

  public var kind: Kind {
    let tree = node.tree
    let token = node.firstToken
    switch tree.tokens.kinds[Int(token)] {
    case .trueKeyword: return .true
    case .falseKeyword: return .false
    case .noneKeyword: return .none
    case .ellipsis: return .ellipsis
    case .number:
      let range = tree.tokens.textRange(token)
      let bytes = tree.source.bytes
      let last = bytes[Int(range.upperBound) - 1] | 0x20
      if last == UInt8(ascii: "j") { return .imaginary }
      if range.count > 1 && bytes[Int(range.lowerBound)] == UInt8(ascii: "0") {
        let second = bytes[Int(range.lowerBound) + 1] | 0x20
        if second == UInt8(ascii: "x") || second == UInt8(ascii: "o") || second == UInt8(ascii: "b") {
          return .integer
        }
      }
      for offset in range
      where bytes[Int(offset)] == UInt8(ascii: ".") || bytes[Int(offset)] | 0x20 == UInt8(ascii: "e") {
        return .float
      }
      return .integer
    default:
      var offset = Int(tree.tokens.textStarts[Int(token)])
      while true {
        switch tree.source.bytes[offset] {
        case UInt8(ascii: "b"), UInt8(ascii: "B"): return .bytes
        case UInt8(ascii: "\""), UInt8(ascii: "'"): return .string
        default: offset += 1
        }
      }
    }
  }

  public var isString: Bool { kind == .string }
  public var isNumber: Bool { kind == .integer || kind == .float || kind == .imaginary }

  /// The number literal's text as written (underscores and prefix included).
  public var numberText: String? { isNumber ? node.tokenText(node.firstToken) : nil }

  /// The text of a float literal with underscores removed (`"1_000.5"` → `"1000.5"`), ready for
  /// `Double(_:)`; `nil` for anything else.
  public var floatText: String? {
    guard kind == .float, let text = numberText else { return nil }
    return text.filter { $0 != "_" }
  }

  public var floatValue: Double? { floatText.flatMap(Double.init) }

  /// The value of an integer literal (decimal, `0x`, `0o`, `0b`, underscores allowed); `nil` for
  /// anything else or when it does not fit an `Int`.
  public var integerValue: Int? {
    guard kind == .integer, let text = numberText else { return nil }
    var digits = Substring(text.filter { $0 != "_" })
    var radix = 10
    if digits.count > 2 && digits.first == "0" {
      switch digits.dropFirst().first {
      case "x", "X": radix = 16
      case "o", "O": radix = 8
      case "b", "B": radix = 2
      default: break
      }
      if radix != 10 { digits = digits.dropFirst(2) }
    }
    return Int(digits, radix: radix)
  }
}

/// An f-string or t-string literal, possibly concatenated with plain strings (`JoinedStr`,
/// `TemplateStr`): its replacement fields are the `.formattedValue` / `.interpolation` children.
public struct FormattedStringSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .formattedString || node.kind == .templateString else { return nil }
    self.node = node
  }

  public var isTemplate: Bool { node.kind == .templateString }
  public var fields: [ReplacementFieldSyntax] { node.children.compactMap(ReplacementFieldSyntax.init) }
}

/// `{expression [=] [!conversion] [:spec]}` (`FormattedValue`, `Interpolation`).
public struct ReplacementFieldSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .formattedValue || node.kind == .interpolation else { return nil }
    self.node = node
  }

  public var expression: SyntaxNode { node.child(at: 0)! }
  /// The `.formatSpec` node (from its `:`), if any.
  public var formatSpec: SyntaxNode? { node.child(.formatSpec) }
  /// `r`, `s` or `a` after `!`.
  public var conversionToken: UInt32? {
    let kinds = node.tree.tokens.kinds
    guard let bang = node.directToken(.exclamation), kinds[Int(bang) + 1] == .name else { return nil }
    return bang + 1
  }

  /// Whether the field ends in `=` (`f"{x=}"`).
  public var isDebug: Bool { node.directToken(.equal) != nil }
}

// MARK: Displays and comprehensions

/// `( … )` around a single expression (no `ast` node of its own).
public struct ParenthesizedSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .parenthesized else { return nil }
    self.node = node
  }

  public var expression: SyntaxNode { node.child(at: 0)! }
}

/// A tuple, list or set display (`Tuple`, `List`, `Set`).
public struct CollectionSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .tuple || node.kind == .list || node.kind == .set else { return nil }
    self.node = node
  }

  public var elements: [SyntaxNode] { Array(node.children) }
  /// Whether a tuple is written with its parentheses (`(a, b)` rather than `a, b`).
  public var isParenthesized: Bool { node.tree.tokens.kinds[Int(node.firstToken)] == .leftParen }
}

/// `{k: v, **m}` (`Dict`).
public struct DictionarySyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .dictionary else { return nil }
    self.node = node
  }

  public var entries: [DictionaryEntrySyntax] { node.children.map(DictionaryEntrySyntax.init) }
}

/// `key: value`, or `**value` (`key == nil`), of a dict display.
public struct DictionaryEntrySyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init(_ node: SyntaxNode) { self.node = node }

  public var isUnpacking: Bool { node.tree.tokens.kinds[Int(node.firstToken)] == .doubleStar }
  public var key: SyntaxNode? { isUnpacking ? nil : node.child(at: 0) }
  public var value: SyntaxNode? { isUnpacking ? node.child(at: 0) : node.child(at: 1) }
}

/// A list, set, dict comprehension or generator expression (`ListComp`, `SetComp`, `DictComp`,
/// `GeneratorExp`).
public struct ComprehensionSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    switch node.kind {
    case .listComprehension, .setComprehension, .dictionaryComprehension, .generatorExpression: self.node = node
    default: return nil
    }
  }

  /// The element (`elt`); for a dict comprehension, its key.
  public var element: SyntaxNode { node.child(at: 0)! }
  /// A dict comprehension's value.
  public var value: SyntaxNode? {
    node.kind == .dictionaryComprehension ? node.child(at: 1) : nil
  }

  public var clauses: [ComprehensionClauseSyntax] {
    node.children.compactMap(ComprehensionClauseSyntax.init)
  }

  /// Whether any clause is `async for` (an async comprehension).
  public var isAsync: Bool { clauses.contains { $0.isAsync } }
}

/// `[async] for target in iterable [if condition]…` (`comprehension`).
public struct ComprehensionClauseSyntax: Hashable, Sendable {
  public let node: SyntaxNode

  public init?(_ node: SyntaxNode) {
    guard node.kind == .comprehensionClause else { return nil }
    self.node = node
  }

  public var isAsync: Bool { node.tree.tokens.kinds[Int(node.firstToken)] == .asyncKeyword }
  public var target: SyntaxNode { node.child(at: 0)! }
  public var iterable: SyntaxNode { node.child(at: 1)! }
  public var conditions: [SyntaxNode] { Array(node.children.dropFirst(2)) }
}

// MARK: Conveniences

/// The last direct child of `node`.
private func lastChild(of node: SyntaxNode) -> SyntaxNode? {
  var last: SyntaxNode? = nil
  for child in node.children { last = child }
  return last
}

extension SyntaxNode {
  /// The expression inside any number of `.parenthesized` wrappers (the node itself otherwise).
  ///
  /// Inlinable with the common case (no parentheses) first: rules ask it of nearly every callee.
  @inlinable public var unparenthesized: SyntaxNode {
    kind == .parenthesized ? innermostParenthesized : self
  }

  @usableFromInline var innermostParenthesized: SyntaxNode {
    var node = self
    while node.kind == .parenthesized, let inner = node.child(at: 0) { node = inner }
    return node
  }

  public var asName: NameSyntax? { NameSyntax(self) }
  public var asAttribute: AttributeSyntax? { AttributeSyntax(self) }
  public var asCall: CallSyntax? { CallSyntax(self) }
  public var asAwait: AwaitSyntax? { AwaitSyntax(self) }
  public var asLambda: LambdaSyntax? { LambdaSyntax(self) }
  public var asSubscript: SubscriptSyntax? { SubscriptSyntax(self) }
  public var asConstant: ConstantSyntax? { ConstantSyntax(self) }
  public var asBoolOperation: BoolOperationSyntax? { BoolOperationSyntax(self) }
  public var asComparison: ComparisonSyntax? { ComparisonSyntax(self) }
  public var asComprehension: ComprehensionSyntax? { ComprehensionSyntax(self) }
  public var asParameters: ParametersSyntax? { ParametersSyntax(self) }
}
