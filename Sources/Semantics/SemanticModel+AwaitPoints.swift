import PythonSyntax

/// Await points: where a coroutine can give the event loop a turn.
extension SemanticModel {
  /// The first await point in `node`'s subtree that suspends the code `node` runs in: `await`,
  /// `async for`, `async with`, an `async for` comprehension clause, and — in a generator-based
  /// coroutine (a plain def with `yield`) or when `countingYields` says so — `yield` and `yield
  /// from`. Code of nested defs, lambdas and classes does not count (their decorators and
  /// defaults do: they run here). For a def or lambda node, looks at its own body.
  ///
  /// One scan of the subtree's node kinds, skipping nested function bodies whole.
  public func firstAwaitPoint(in node: SyntaxNode, countingYields: Bool? = nil) -> SyntaxNode? {
    let kinds = tree.nodeKinds
    let sizes = tree.nodeSubtreeSizes
    var index = node.index
    let end = node.index + sizes[Int(node.index)]
    let owner: UInt32
    switch node.kind {
    case .functionDef, .asyncFunctionDef, .lambda:
      guard let scope = scopeIndex(openedBy: node.index) else { return nil }
      owner = scope
      index += 1
    default:
      owner = scopeOwners[Int(nodeScopes[Int(node.index)])]
    }
    let yields = countingYields ?? isGeneratorBasedCoroutine(scope: owner)
    let tokenKinds = tree.tokens.kinds
    let firstTokens = tree.nodeFirstTokens
    while index < end {
      // A node of another function's code: so is its whole subtree.
      if scopeOwners[Int(nodeScopes[Int(index)])] != owner {
        index += sizes[Int(index)]
        continue
      }
      switch kinds[Int(index)] {
      case .awaitExpression, .asyncForStatement, .asyncWithStatement:
        return tree.node(index)
      case .comprehensionClause where tokenKinds[Int(firstTokens[Int(index)])] == .asyncKeyword:
        return tree.node(index)
      case .yieldExpression where yields, .yieldFromExpression where yields:
        return tree.node(index)
      default:
        index += 1
      }
    }
    return nil
  }

  /// Whether `node`'s subtree holds an await point (see `firstAwaitPoint(in:countingYields:)`).
  public func containsAwaitPoint(_ node: SyntaxNode, countingYields: Bool? = nil) -> Bool {
    firstAwaitPoint(in: node, countingYields: countingYields) != nil
  }

  /// A plain def whose code yields.
  private func isGeneratorBasedCoroutine(scope: UInt32) -> Bool {
    scopeKinds[Int(scope)] == .function && tree.nodeKinds[Int(scopeNodes[Int(scope)])] == .functionDef
      && scopeFlags[Int(scope)].contains(.containsYield)
  }
}
