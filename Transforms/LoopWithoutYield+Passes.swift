import PythonSyntax

extension LoopWithoutYield {
  /// Whether `node`, in the code of `body` (a `for` loop's body, same function), runs in the
  /// loop's passes without a yield of its own. Climbing from `node` to `body`:
  /// - the body of a nested `for` or `while` loop in `yieldingLoops` (AF103 reports it and its
  ///   fix will be applied) yields in each of its passes, so not: one yield is enough. A nested
  ///   loop that does not yield (a bounded `while`, a suppressed finding) runs as part of the
  ///   outer pass, and so does a nested loop's `else` clause;
  /// - a generator expression's code other than its first iterable runs when the generator is
  ///   consumed, not when it is made. It counts when consumed where it is written: passed to a
  ///   call (`sum(s.recv(1) for …)`, `"".join(…)`), unpacked (`*(…)`, `yield from`), or iterated
  ///   by a `for`. Stored, returned or yielded, it runs later, elsewhere (the finding, if any,
  ///   belongs to whoever iterates it). A passed generator the callee keeps (rare) is counted.
  ///
  /// Nested functions and lambdas are the caller's business (`enclosingFunction`); list, set
  /// and dict comprehensions run in place.
  static func runsInEachPass(_ node: SyntaxNode, of body: BlockSyntax, yieldingLoops: Set<SyntaxNode>) -> Bool {
    var grandchild: SyntaxNode? = nil
    var child = node
    while child != body.node, let parent = child.parent {
      switch parent.kind {
      case .forStatement, .whileStatement:
        if child.kind == .block, yieldingLoops.contains(parent) { return false }
      case .generatorExpression:
        let firstClause = ComprehensionSyntax(parent)?.clauses.first
        let isFirstIterable = firstClause?.node == child && firstClause?.iterable == grandchild
        if !isFirstIterable && !isConsumedWhereWritten(parent) { return false }
      default:
        break
      }
      grandchild = child
      child = parent
    }
    return true
  }

  /// Whether generator expression `generator` is iterated where it is written (see
  /// `runsInEachPass`).
  private static func isConsumedWhereWritten(_ generator: SyntaxNode) -> Bool {
    var child = generator
    while let parent = child.parent, parent.kind == .parenthesized { child = parent }
    guard let parent = child.parent else { return false }
    switch parent.kind {
    case .argumentList, .keywordArgument, .starred, .yieldFromExpression:
      return true
    case .forStatement:
      return ForSyntax(parent)?.iterable == child
    case .comprehensionClause:
      return ComprehensionClauseSyntax(parent)?.iterable == child
    default:
      return false
    }
  }
}
