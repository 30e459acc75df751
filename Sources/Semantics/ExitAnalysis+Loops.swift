import PythonSyntax

extension ExitAnalysis {
  /// Whether every run of a loop's `body` ends in `break`, `return` or `raise` at its top level (or
  /// in every branch of an `if`/`elif`/`else` or a `with` there), with no `continue` of this loop
  /// before it. Such a "loop" runs its body at most once, so it cannot spin (AF103).
  public static func alwaysLeavesLoop(_ body: BlockSyntax) -> Bool {
    for statement in body.statements {
      if leavesLoop(statement) { return true }
      if mayContinueLoop(statement) { return false }
    }
    return false
  }

  private static func leavesLoop(_ statement: SyntaxNode) -> Bool {
    switch statement.kind {
    case .breakStatement, .returnStatement, .raiseStatement: true
    default: everyBranch(of: statement, satisfies: alwaysLeavesLoop)
    }
  }

  /// Whether a `continue` of the enclosing loop may run in `statement`: one not inside a nested
  /// loop's body, def, lambda or class.
  private static func mayContinueLoop(_ statement: SyntaxNode) -> Bool {
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
      case .block where isLoopBody(node):
        index += node.subtreeSize
      default:
        index += 1
      }
    }
    return false
  }
}
