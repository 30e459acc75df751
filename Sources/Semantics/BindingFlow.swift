/// Where a binding takes effect and whether it hides earlier ones: the flow approximation that
/// lets a use see the bindings that may reach it.
///
/// A use sees the bindings of its scope that take effect before it; of those, a later binding
/// hides the earlier ones when it surely runs before the use, which is approximated as: the
/// statement holding it sits in a block that encloses the use (an `import` at the top of the
/// module, an assignment earlier in the same function body). A binding inside an `if`, `try` or
/// `except` that does not enclose the use hides nothing, so `try: import uasyncio as asyncio`
/// / `except ImportError: import asyncio` leaves both imports as candidates.
extension SemanticModel {
  /// The token at which binding `binding` has happened: uses at or after it see it. An
  /// assignment binds after its value is evaluated (`x = x + 1` reads the old `x`).
  func effectToken(of binding: UInt32) -> UInt32 {
    let node = Int(bindingNodes[Int(binding)])
    let token = bindingTokens[Int(binding)]
    let endTokens = tree.nodeEndTokens
    switch bindingKinds[Int(binding)] {
    case .parameter: return token
    case .exceptHandler, .matchCapture, .typeParameter: return token + 1
    case .import, .function, .class: return endTokens[node]
    case .assignment, .augmentedAssignment, .annotation, .forTarget, .withTarget, .walrus, .comprehensionTarget,
      .deletion, .typeAlias:
      let (target, binder) = targetRoot(of: UInt32(node))
      guard binder != .max else { return endTokens[node] }
      switch bindingKinds[Int(binding)] {
      case .forTarget, .comprehensionTarget:
        // After the iterable (the child following the target).
        let sizes = tree.nodeSubtreeSizes
        let iterable = target + sizes[Int(target)]
        return iterable < binder + sizes[Int(binder)] ? endTokens[Int(iterable)] : endTokens[Int(target)]
      default:
        return endTokens[Int(binder)]
      }
    }
  }

  /// The outermost target holding `.name` node `node` (through tuples, lists, starred and
  /// parenthesized targets) and the node binding it (the assignment, `for`, withitem, …).
  private func targetRoot(of node: UInt32) -> (target: UInt32, binder: UInt32) {
    let kinds = tree.nodeKinds
    let parents = tree.nodeParents
    var target = node
    var parent = parents[Int(node)]
    while parent != .max {
      switch kinds[Int(parent)] {
      case .tuple, .list, .starred, .parenthesized:
        target = parent
        parent = parents[Int(parent)]
      default:
        return (target, parent)
      }
    }
    return (target, .max)
  }

  /// Whether `binding` surely happens before code at `point` runs, hiding earlier bindings of
  /// the same name: a parameter always; an unconditional binding when the block holding its
  /// statement encloses `point`.
  func hidesEarlierBindings(_ binding: UInt32, at point: UInt32) -> Bool {
    let kind = bindingKinds[Int(binding)]
    if kind == .parameter { return true }
    guard kind.isUnconditional else { return false }
    let kinds = tree.nodeKinds
    let parents = tree.nodeParents
    // The statement holding the binding: the ancestor whose parent is a block or the module.
    var statement = bindingNodes[Int(binding)]
    while true {
      let parent = parents[Int(statement)]
      if parent == .max { return true }
      if kinds[Int(parent)] == .block || kinds[Int(parent)] == .module { break }
      statement = parent
    }
    let block = parents[Int(statement)]
    return block <= point && point < block + tree.nodeSubtreeSizes[Int(block)]
  }

  /// The node standing for "the end of scope `scope`": its body block (the module itself), so
  /// that `hidesEarlierBindings` sees which bindings surely ran by the time code nested in the
  /// scope is called.
  func endPoint(of scope: UInt32) -> UInt32 {
    let node = scopeNodes[Int(scope)]
    switch scopeKinds[Int(scope)] {
    case .function, .class:
      let body = tree.node(node).children.first { $0.kind == .block }
      return body?.index ?? node
    default:
      return node
    }
  }
}
