import PythonSyntax

/// Whether one module-level call can run after another in the same run of the module, judged
/// from the statements around them: calls in different branches of one `if`/`elif`/`else`, in
/// different `case`s of a `match`, in different `except` clauses, or in the two arms of a
/// conditional expression exclude each other; a call in the `except` or `finally` of a `try` whose
/// body holds the other is the cleanup pattern (`try: asyncio.run(main())` / `finally:
/// asyncio.run(shutdown())`), which AF108 accepts. Everything else counts as running after.
enum RunOrder {
  /// Whether `second` (later in the source) may run after `first` has run, outside the cleanup
  /// pattern.
  static func mayRun(_ second: CallSyntax, after first: CallSyntax) -> Bool {
    guard let (ancestor, firstBranch, secondBranch) = split(first.node, second.node) else { return true }
    switch ancestor.kind {
    case .ifStatement, .conditionalExpression:
      // Child 0 of an `if` is its test, which runs before either branch; a conditional
      // expression's test is its middle child.
      let test = ancestor.kind == .ifStatement ? ancestor.child(at: 0) : ancestor.child(at: 1)
      return firstBranch == test || secondBranch == test
    case .matchStatement:
      return firstBranch.kind != .matchCase || secondBranch.kind != .matchCase
    case .tryStatement, .tryStarStatement:
      let handlers: Set<NodeKind> = [.exceptClause, .finallyClause]
      if firstBranch.kind == .block && handlers.contains(secondBranch.kind) { return false }
      return !(firstBranch.kind == .exceptClause && secondBranch.kind == .exceptClause)
    default:
      return true
    }
  }

  /// The lowest common ancestor of `first` and `second`, and the children of it on the way to
  /// each; `nil` when one contains the other.
  private static func split(_ first: SyntaxNode, _ second: SyntaxNode) -> (SyntaxNode, SyntaxNode, SyntaxNode)? {
    var firstChain: [SyntaxNode] = [first]
    while let parent = firstChain.last?.parent { firstChain.append(parent) }
    let positions = Dictionary(uniqueKeysWithValues: firstChain.enumerated().map { ($0.element.index, $0.offset) })
    var child = second
    while let parent = child.parent {
      if let position = positions[parent.index] {
        guard position > 0 else { return nil }
        return (parent, firstChain[position - 1], child)
      }
      child = parent
    }
    return nil
  }
}
