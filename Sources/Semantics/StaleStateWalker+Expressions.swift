import PythonSyntax

/// Expressions in evaluation order: reads of shared state and locals feed `pending`, await
/// points make taints stale, writes are checked against what flows into them.
extension StaleStateWalker {
  mutating func evaluate(_ expression: SyntaxNode) {
    switch expression.kind {
    case .name, .attribute, .subscription:
      load(expression)
    case .call:
      if let call = CallSyntax(expression) { evaluateCall(call) }
    case .awaitExpression:
      guard let operand = AwaitSyntax(expression)?.operand else { return }
      evaluate(operand)
      suspend(Suspension(kind: .await, node: expression), releasing: releasedLocks(by: operand))
    case .lambda, .constant:
      break
    case .generatorExpression:
      // Lazy: only the first iterable is evaluated here.
      if let first = ComprehensionSyntax(expression)?.clauses.first { evaluate(first.iterable) }
    case .listComprehension, .setComprehension, .dictionaryComprehension:
      guard let comprehension = ComprehensionSyntax(expression) else { return }
      for clause in comprehension.clauses {
        evaluate(clause.iterable)
        if clause.isAsync { suspend(Suspension(kind: .asyncComprehension, node: clause.node)) }
        for condition in clause.conditions { evaluate(condition) }
      }
      evaluate(comprehension.element)
      if let value = comprehension.value { evaluate(value) }
    case .namedExpression:
      guard let walrus = NamedExpressionSyntax(expression) else { return }
      evaluate(walrus.value)
      assign(walrus.target)
    case .conditionalExpression:
      guard let conditional = ConditionalExpressionSyntax(expression) else { return }
      evaluate(conditional.test)
      evaluate(conditional.body)
      evaluate(conditional.orElse)
    default:
      for child in expression.children { evaluate(child) }
    }
  }

  /// An await point: unless a lock is held (and not let go of while waiting: `releasing` of
  /// them), every live taint goes stale.
  mutating func suspend(_ suspension: Suspension, releasing released: Int = 0) {
    guard heldLocks.count <= released, state.reachable else { return }
    let changed = state.suspend(at: suspension)
    pending = FlowState.suspending(pending, at: suspension)
    guard !handlers.isEmpty else { return }
    // The handlers see the locals and enclosing tests as they are after the await, too.
    let innermost = handlers.count - 1
    for name in changed { handlers[innermost].state.add(state.locals[name] ?? [], to: name) }
    let depth = min(handlers[innermost].state.conditions.count, state.conditions.count)
    for index in 0..<depth { handlers[innermost].state.conditions[index].formUnion(state.conditions[index]) }
  }

  /// How many of the held locks `await operand` lets go of while it waits: `cond.wait()` and
  /// `cond.wait_for(predicate)` (also inside `asyncio.wait_for(cond.wait(), timeout)`) release
  /// the condition `async with cond` holds, and take it again before they return — a lock has
  /// no `wait`, so whatever is held and waited on is a condition.
  private func releasedLocks(by operand: SyntaxNode) -> Int {
    guard !heldLocks.isEmpty, let call = CallSyntax(operand.unparenthesized) else { return 0 }
    let calls = [call] + call.positionalArguments.compactMap { CallSyntax($0.value.unparenthesized) }
    var released: Set<Int> = []
    for call in calls {
      guard let attribute = AttributeSyntax(call.callee.unparenthesized),
        attribute.name == "wait" || attribute.name == "wait_for",
        let condition = StatePath(attribute.value), let index = heldLocks.lastIndex(of: condition)
      else { continue }
      released.insert(index)
    }
    return released.count
  }

  // MARK: Reads

  /// A name, attribute chain or subscript read: its inner expressions, then the value.
  private mutating func load(_ expression: SyntaxNode) {
    evaluateInnerParts(of: expression)
    if let path = sharedPath(expression) {
      pending.insert(Taint(path: path, read: expression.index, suspension: nil))
    } else if let root = StatePath(expression)?.components.first, let taints = state.locals[root] {
      pending.formUnion(taints)
    }
  }

  /// The parts of a chain that are expressions of their own: the subscripts' indices and a
  /// base that is not a name (`f()` in `f().x[i]`), in evaluation order.
  private mutating func evaluateInnerParts(of chain: SyntaxNode) {
    var node = chain.unparenthesized
    var indices: [SyntaxNode] = []
    while true {
      switch node.kind {
      case .attribute:
        guard let value = AttributeSyntax(node)?.value else { return }
        node = value.unparenthesized
        continue
      case .subscription:
        guard let subscription = SubscriptSyntax(node) else { return }
        if let slice = subscription.slice { indices.append(slice) }
        node = subscription.value.unparenthesized
        continue
      case .name:
        break
      default:
        evaluate(node)
      }
      break
    }
    for index in indices.reversed() { evaluate(index) }
  }

  private mutating func evaluateCall(_ call: CallSyntax) {
    let callee = call.callee.unparenthesized
    var changed: StatePath?
    if let attribute = AttributeSyntax(callee), let method = attribute.name,
      SharedState.mutatingMethods.contains(method)
    {
      // `items.append(x)` changes `items` without reading it. `d.pop(k, None)`, `s.discard(x)`
      // and an `Event`'s `clear()` change nothing a read before an await could make wrong.
      let receiver = attribute.value.unparenthesized
      evaluateInnerParts(of: receiver)
      if let path = sharedPath(receiver), !SharedState.isIdempotentRemoval(call), !shared.isPrimitive(receiver) {
        changed = path
      }
    } else if let attribute = AttributeSyntax(callee) {
      // `buf.find(x)` reads `buf`; the method looked up is not state.
      evaluate(attribute.value)
    } else if callee.kind != .name {
      // A function called by name is not a read; what it does is not followed.
      evaluate(callee)
    }
    evaluate(call.argumentList)
    if let changed { write(changed, at: call.node) }
  }

  /// `SharedState.path(of:)`, remembered per node.
  private mutating func sharedPath(_ expression: SyntaxNode) -> StatePath? {
    let index = expression.index
    if let path = paths[index] { return path }
    if unshared.contains(index) { return nil }
    guard let path = shared.path(of: expression) else {
      unshared.insert(index)
      return nil
    }
    paths[index] = path
    return path
  }

  // MARK: Writes

  /// Stores the statement's value in `target`: a local takes its taints, shared state is
  /// checked against them.
  mutating func assign(_ target: SyntaxNode) {
    for node in target.targetLeaves {
      switch node.kind {
      case .name:
        if let path = sharedPath(node) {
          write(path, at: node)
        } else {
          setLocal(node.text, to: pending.superseded())
        }
      case .attribute, .subscription:
        evaluateInnerParts(of: node)
        if let path = sharedPath(node) { write(path, at: node) }
      default:
        evaluate(node)
      }
    }
  }

  mutating func delete(_ target: SyntaxNode) {
    for node in target.targetLeaves {
      switch node.kind {
      case .name:
        if let path = sharedPath(node) { write(path, at: node) } else { setLocal(node.text, to: []) }
      case .attribute, .subscription:
        evaluateInnerParts(of: node)
        if let path = sharedPath(node) { write(path, at: node) }
      default:
        evaluate(node)
      }
    }
  }

  /// A write of `path` at `node`: a finding when a stale read of the same state flows into it,
  /// through the statement's values or the innermost enclosing test that reads that state.
  /// (`pending` is taken whole: `self.n += n` re-reads `self.n` but adds a stale `n` to it.)
  private mutating func write(_ path: StatePath, at node: SyntaxNode) {
    var inputs = pending
    // A constant stored under a stale test (`self.stopped = True`, `self.connected = False`)
    // is the same whatever the state became: only its own inputs count.
    for condition in state.conditions.reversed() where !writesConstant {
      let deciding = condition.filter { path.isPrefix(of: $0.path) }
      if !deciding.isEmpty {
        inputs.formUnion(deciding)
        break
      }
    }
    var best: Taint?
    for taint in inputs where taint.isStale && path.isPrefix(of: taint.path) {
      if best.map({ Self.explains(taint, better: $0, write: node) }) ?? true { best = taint }
    }
    guard let best, let suspension = best.suspension else { return }
    if let previous = found[node.index] {
      let named = Taint(path: previous.state, read: previous.read.index, suspension: previous.suspension)
      if !Self.explains(best, better: named, write: node) { return }
    }
    found[node.index] = StaleWrite(
      state: path, write: node, read: model.tree.node(best.read), suspension: suspension)
  }

  /// Which of two stale reads a finding names: one of the same iteration as the write over one
  /// from an earlier iteration, then the later read, then the later await point.
  private static func explains(_ taint: Taint, better other: Taint, write: SyntaxNode) -> Bool {
    let before = !StaleWrite.isAfterStatement(taint.read, of: write)
    let otherBefore = !StaleWrite.isAfterStatement(other.read, of: write)
    if before != otherBefore { return before }
    if taint.read != other.read { return taint.read > other.read }
    return (taint.suspension?.node.index ?? 0) > (other.suspension?.node.index ?? 0)
  }
}
