import PythonSyntax

/// How one module-level call can follow another in the same run of the module, judged from the
/// statements around them: calls in different branches of one `if`/`elif`/`else`, in different
/// `case`s of a `match`, in different `except` clauses, or in the two arms of a conditional
/// expression exclude each other; a call in the `except` or `finally` of a `try` whose body holds
/// the other is the cleanup pattern (`try: asyncio.run(main())` / `finally:
/// asyncio.run(shutdown())`), which AF108 accepts. Everything else runs after.
enum RunOrder {
  /// Whether and how `second` (later in the source) can run after `first` has run.
  enum Relation: Equatable {
    /// Never both in one run of the module.
    case exclusive
    /// After it, as the cleanup of a `try`: in its `except` or `finally` while the first is in the
    /// body, or in its `finally` while the first is in an `except` and `guardsRun` says that the
    /// body holds a run of its own (each clause is then the cleanup of that run).
    case cleanup
    /// After it, in the ordinary flow.
    case after
  }

  /// How `second` can follow `first`. `guardsRun(block)` says whether the body `block` of a `try`
  /// holds a call of the kind being ordered (an `asyncio.run`), which makes an `except` and the
  /// `finally` after it two cleanups of that call rather than one call after the other.
  static func relation(
    of second: CallSyntax, after first: CallSyntax, guardsRun: (SyntaxNode) -> Bool = { _ in false }
  ) -> Relation {
    guard let (ancestor, firstBranch, secondBranch) = split(first.node, second.node) else { return .after }
    switch ancestor.kind {
    case .ifStatement, .conditionalExpression:
      // Child 0 of an `if` is its test, which runs before either branch; a conditional
      // expression's test is its middle child.
      let test = ancestor.kind == .ifStatement ? ancestor.child(at: 0) : ancestor.child(at: 1)
      return firstBranch == test || secondBranch == test ? .after : .exclusive
    case .matchStatement:
      return firstBranch.kind != .matchCase || secondBranch.kind != .matchCase ? .after : .exclusive
    case .tryStatement, .tryStarStatement:
      let handlers: Set<NodeKind> = [.exceptClause, .finallyClause]
      if firstBranch.kind == .block && handlers.contains(secondBranch.kind) { return .cleanup }
      if firstBranch.kind == .exceptClause && secondBranch.kind == .exceptClause { return .exclusive }
      if firstBranch.kind == .exceptClause && secondBranch.kind == .finallyClause,
        let body = ancestor.children.first(where: { $0.kind == .block }), guardsRun(body)
      {
        return .cleanup
      }
      return .after
    default:
      return .after
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
