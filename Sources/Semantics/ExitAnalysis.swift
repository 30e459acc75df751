import PythonSyntax

/// Statement-level control flow: whether a block can finish other than by raising — by falling
/// off its end, `return`, or a `break`/`continue` of a loop around it.
///
/// Conservative in the direction rules need: `alwaysRaises` says yes only when every path ends in
/// `raise` (or in a loop that never ends), so a rule that asks "can this handler swallow the
/// exception?" reports when unsure. Reusable by any rule that reasons about how a block is left.
public enum ExitAnalysis {
  /// Whether every run of `block` ends by raising: each path reaches a `raise` (at its top level,
  /// in every branch of an `if`/`elif`/`else`, in a `with` body, in a `try` whose paths all
  /// raise) or a `while True` loop that nothing leaves, with no `return`, `break` or `continue`
  /// leaving the block before it. An endless loop counts: it never finishes normally either.
  public static func alwaysRaises(_ block: BlockSyntax) -> Bool {
    for statement in block.statements {
      if raises(statement) { return true }
      if mayLeave(statement) { return false }
    }
    return false
  }

  /// Whether `block` holds a `return` of its function, or a `break`/`continue` of a loop around
  /// it: a way out of the block that is neither falling off its end nor raising.
  public static func mayLeave(_ block: BlockSyntax) -> Bool {
    block.statements.contains(where: mayLeave)
  }

  private static func alwaysRaises(_ block: BlockSyntax?) -> Bool { block.map(alwaysRaises) ?? false }

  private static func raises(_ statement: SyntaxNode) -> Bool {
    switch statement.kind {
    case .raiseStatement:
      return true
    case .expressionStatement:
      return ExpressionStatementSyntax(statement).map { dividesNumberByZero($0.expression) } ?? false
    case .ifStatement, .withStatement, .asyncWithStatement:
      return everyBranch(of: statement, satisfies: alwaysRaises)
    case .tryStatement, .tryStarStatement:
      guard let tryStatement = TrySyntax(statement), let body = tryStatement.body else { return false }
      if alwaysRaises(tryStatement.finalbody) { return true }
      if let finalbody = tryStatement.finalbody, mayLeave(finalbody) { return false }
      // The body raises (into the handlers), or finishes normally into an `else` that raises.
      let bodyPath = alwaysRaises(body) || (!mayLeave(body) && alwaysRaises(tryStatement.orelse))
      return bodyPath && tryStatement.handlers.allSatisfy { alwaysRaises($0.body) }
    case .whileStatement:
      guard let loop = WhileSyntax(statement), loop.condition.literalTruth == true, let body = loop.body else {
        return false
      }
      // Only a `break` or `return` leaves `while True`; a `continue` stays in it.
      return !containsLeavingStatement(body.node, countContinue: false)
    default:
      return false
    }
  }

  /// `1 / 0`, `1.5 // 0`, `7 % 0.0`: a number literal divided by a zero literal, the statement
  /// tests write to fail on purpose. It always raises `ZeroDivisionError`; with anything but
  /// number literals (`x / 0`) an operator method may run instead.
  private static func dividesNumberByZero(_ expression: SyntaxNode) -> Bool {
    guard let operation = BinaryOperationSyntax(expression.unparenthesized),
      [.slash, .doubleSlash, .percent].contains(operation.operatorKind)
    else { return false }
    func isNumber(_ node: SyntaxNode) -> Bool {
      guard let constant = ConstantSyntax(node.unparenthesized) else { return false }
      switch constant.kind {
      case .integer, .float: return true
      default: return false
      }
    }
    return isNumber(operation.left) && isNumber(operation.right) && operation.right.literalTruth == false
  }

  /// `mayLeave(_:)` for one statement.
  public static func mayLeave(_ statement: SyntaxNode) -> Bool {
    containsLeavingStatement(statement, countContinue: true)
  }

  /// Whether `node` holds a `return` (not in a nested function, lambda or class), or a `break`
  /// (and, when `countContinue`, a `continue`) not inside a loop body within `node`.
  private static func containsLeavingStatement(_ node: SyntaxNode, countContinue: Bool) -> Bool {
    let tree = node.tree
    var index = node.index
    let end = node.index + node.subtreeSize
    while index < end {
      let current = tree.node(index)
      switch current.kind {
      case .returnStatement, .breakStatement:
        return true
      case .continueStatement where countContinue:
        return true
      case .functionDef, .asyncFunctionDef, .classDef, .lambda:
        index += current.subtreeSize
        continue
      case .block where index != node.index && isLoopBody(current):
        // `break`/`continue` in it belong to that loop; only a `return` leaves from there.
        if containsReturn(current) { return true }
        index += current.subtreeSize
        continue
      default:
        index += 1
      }
    }
    return false
  }

  private static func containsReturn(_ node: SyntaxNode) -> Bool {
    let tree = node.tree
    var index = node.index
    let end = node.index + node.subtreeSize
    while index < end {
      let current = tree.node(index)
      switch current.kind {
      case .returnStatement:
        return true
      case .functionDef, .asyncFunctionDef, .classDef, .lambda:
        index += current.subtreeSize
      default:
        index += 1
      }
    }
    return false
  }

  /// For an `if` (with an `else`) or a `with`: whether every block control may take through it
  /// satisfies `condition`. `false` for other statements and for an `if` without `else`.
  static func everyBranch(of statement: SyntaxNode, satisfies condition: (BlockSyntax) -> Bool) -> Bool {
    switch statement.kind {
    case .ifStatement:
      guard let ifStatement = IfSyntax(statement), let elseBody = ifStatement.elseClause?.body else { return false }
      let bodies: [BlockSyntax?] = [ifStatement.body] + ifStatement.elifClauses.map(\.body) + [elseBody]
      return bodies.allSatisfy { $0.map(condition) ?? false }
    case .withStatement, .asyncWithStatement:
      return WithSyntax(statement)?.body.map(condition) ?? false
    default:
      return false
    }
  }

  /// A `for`/`while` body (not its `else`, where a `break` leaves the outer loop).
  static func isLoopBody(_ block: SyntaxNode) -> Bool {
    switch block.parent?.kind {
    case .forStatement, .asyncForStatement, .whileStatement: return true
    default: return false
    }
  }
}
