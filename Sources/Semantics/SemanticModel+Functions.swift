import PythonSyntax

/// What kind of function a def or lambda is, from its header and body.
public enum FunctionFlavor: Sendable {
  /// A plain `def` (or lambda) without `yield`.
  case plain
  /// A plain `def` with `yield`: a generator, which MicroPython code also uses as a coroutine
  /// (its `yield` suspends like an `await`).
  case generator
  /// `async def` without `yield`.
  case coroutine
  /// `async def` with `yield`.
  case asyncGenerator
}

/// Which function, and which coroutine, a node runs in.
extension SemanticModel {
  /// The def, async def or lambda whose code runs `node`: comprehensions do not count (their
  /// code runs in place), a class body resets (`nil`), and so does module level. A def's own
  /// decorators and defaults run in the enclosing function, not in the def.
  public func enclosingFunction(of node: SyntaxNode) -> SyntaxNode? {
    let owner = Int(scopeOwners[Int(nodeScopes[Int(node.index)])])
    switch scopeKinds[owner] {
    case .function, .lambda: return tree.node(scopeNodes[owner])
    case .module, .class, .comprehension, .annotation: return nil
    }
  }

  /// The `async def` whose code runs `node`, when no def, lambda or class lies in between;
  /// with `includingGenerators`, also a plain generator def (a MicroPython-style coroutine).
  public func enclosingCoroutine(of node: SyntaxNode, includingGenerators: Bool = false) -> FunctionDefSyntax? {
    guard let function = enclosingFunction(of: node).flatMap(FunctionDefSyntax.init) else { return nil }
    if function.isAsync { return function }
    return includingGenerators && flavor(of: function) == .generator ? function : nil
  }

  public func flavor(of function: FunctionDefSyntax) -> FunctionFlavor {
    let yields = containsYield(function.node)
    if function.isAsync { return yields ? .asyncGenerator : .coroutine }
    return yields ? .generator : .plain
  }

  /// Whether the code of def or lambda `function` (not of functions nested in it) holds a
  /// `yield` or `yield from`.
  public func containsYield(_ function: SyntaxNode) -> Bool {
    guard let scope = scopeIndex(openedBy: function.index), scopeKinds[Int(scope)] != .annotation else { return false }
    return scopeFlags[Int(scope)].contains(.containsYield)
  }

  /// Whether the code of def or lambda `function` (not of functions nested in it) holds an
  /// `await`, `async for` or `async with` (also in comprehensions).
  public func containsAwait(_ function: SyntaxNode) -> Bool {
    guard let scope = scopeIndex(openedBy: function.index), scopeKinds[Int(scope)] != .annotation else { return false }
    return scopeFlags[Int(scope)].contains(.containsAwait)
  }
}
