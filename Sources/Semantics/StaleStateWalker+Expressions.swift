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
      if let operand = AwaitSyntax(expression)?.operand { evaluate(operand) }
      suspend(Suspension(kind: .await, node: expression))
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

  /// An await point: unless a lock is held, every live taint goes stale.
  mutating func suspend(_ suspension: Suspension) {
    guard locksHeld == 0, state.reachable else { return }
    state.suspend(at: suspension)
    pending = FlowState.suspending(pending, at: suspension)
    noteException()
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
      // `items.append(x)` changes `items` without reading it.
      let receiver = attribute.value.unparenthesized
      evaluateInnerParts(of: receiver)
      changed = sharedPath(receiver)
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
    let node = target.unparenthesized
    switch node.kind {
    case .tuple, .list:
      for element in node.children { assign(element) }
    case .starred:
      if let value = StarredSyntax(node)?.value { assign(value) }
    case .name:
      if let path = sharedPath(node) {
        write(path, at: node)
      } else {
        state.locals[node.text] = pending.superseded()
      }
    case .attribute, .subscription:
      evaluateInnerParts(of: node)
      if let path = sharedPath(node) { write(path, at: node) }
    default:
      evaluate(node)
    }
  }

  mutating func delete(_ target: SyntaxNode) {
    let node = target.unparenthesized
    switch node.kind {
    case .tuple, .list:
      for element in node.children { delete(element) }
    case .name:
      if let path = sharedPath(node) { write(path, at: node) } else { state.locals[node.text] = nil }
    case .attribute, .subscription:
      evaluateInnerParts(of: node)
      if let path = sharedPath(node) { write(path, at: node) }
    default:
      evaluate(node)
    }
  }

  /// A write of `path` at `node`: a finding when a stale read of the same state flows into it,
  /// through the statement's values or the innermost enclosing test that reads that state.
  /// (`pending` is taken whole: `self.n += n` re-reads `self.n` but adds a stale `n` to it.)
  private mutating func write(_ path: StatePath, at node: SyntaxNode) {
    var inputs = pending
    for condition in state.conditions.reversed() {
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
