import PythonSyntax

/// Statement-level control flow for loop bodies: whether a body always leaves the loop in its
/// first iteration.
enum ControlFlow {
  /// Whether every run of `block` ends in `break`, `return` or `raise` at its top level (or in
  /// every branch of an `if`/`elif`/`else` there), with no `continue` of this loop before it.
  /// Such a "loop" runs its body at most once.
  static func alwaysLeaves(_ block: BlockSyntax) -> Bool {
    for statement in block.statements {
      if leaves(statement) { return true }
      if mayContinue(statement) { return false }
    }
    return false
  }

  private static func leaves(_ statement: SyntaxNode) -> Bool {
    switch statement.kind {
    case .breakStatement, .returnStatement, .raiseStatement:
      return true
    case .ifStatement:
      guard let ifStatement = IfSyntax(statement), let elseBody = ifStatement.elseClause?.body else { return false }
      let bodies: [BlockSyntax?] = [ifStatement.body] + ifStatement.elifClauses.map(\.body) + [elseBody]
      return bodies.allSatisfy { $0.map(alwaysLeaves) ?? false }
    case .withStatement, .asyncWithStatement:
      return WithSyntax(statement)?.body.map(alwaysLeaves) ?? false
    default:
      return false
    }
  }

  /// Whether a `continue` of the enclosing loop may run in `statement`: one not inside a nested
  /// loop's body, def, lambda or class.
  private static func mayContinue(_ statement: SyntaxNode) -> Bool {
    let tree = statement.tree
    var index = statement.index
    let end = statement.index + statement.subtreeSize
    while index < end {
      let node = tree.node(index)
      switch node.kind {
      case .continueStatement:
        return true
      case .functionDef, .asyncFunctionDef, .classDef, .lambda:
        index += node.subtreeSize
        continue
      case .block where isLoopBody(node):
        index += node.subtreeSize
        continue
      default:
        index += 1
      }
    }
    return false
  }

  /// A `for`/`while` body (not its `else`, which a `continue` of the outer loop may run in).
  private static func isLoopBody(_ block: SyntaxNode) -> Bool {
    switch block.parent?.kind {
    case .forStatement, .asyncForStatement, .whileStatement: return true
    default: return false
    }
  }
}
