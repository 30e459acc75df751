import PythonSyntax

/// The walk behind `StaleStateAnalysis`: statements in execution order, carrying a `FlowState`.
/// This file holds the statements and the control flow; `StaleStateWalker+Expressions.swift` the
/// expressions, reads and writes.
struct StaleStateWalker {
  let shared: SharedState
  var model: SemanticModel { shared.model }

  /// The facts at the point being walked.
  var state = FlowState()
  /// The taints of the values computed so far by the statement being walked (a statement's
  /// values all flow into its targets and calls: coarse, but statements are short).
  var pending: Set<Taint> = []
  /// Whether the statement being walked assigns a literal constant (`self.stopped = True`):
  /// its value does not depend on any read, so an enclosing test alone does not make it stale.
  var writesConstant = false
  /// The locks `async with` holds around the code being walked, by the path of the expression
  /// entered (`nil` when it is not a name or attribute chain), outermost first.
  var heldLocks: [StatePath?] = []
  /// Per enclosing loop: the states at its `break`s and `continue`s.
  var loops: [LoopFrame] = []
  /// Per enclosing `try` body: the states an exception may leave it in. Each starts as the
  /// state entering the body; every value a local then takes and every await point is added
  /// to the innermost (`setLocal`, `suspend`), which is the join of the states at every point
  /// of the body without visiting the whole state at each statement.
  var handlers: [HandlerFrame] = []
  /// The findings so far, by written node.
  var found: [UInt32: StaleWrite] = [:]
  /// `SharedState.path(of:)` per node already asked (loops walk their bodies more than once).
  var paths: [UInt32: StatePath] = [:]
  var unshared: Set<UInt32> = []
  /// Statements left to walk before loops stop being walked again to a fixed point: keeps
  /// pathological nesting linear.
  var budget = 20_000

  /// Passes over a loop body at most (the first, then around the back edge).
  static let loopPasses = 3

  struct LoopFrame {
    var breaks = FlowState.unreachable
    var continues = FlowState.unreachable
    let depth: Int
  }

  struct HandlerFrame {
    var state: FlowState
    let depth: Int
  }

  init(shared: SharedState) { self.shared = shared }

  // MARK: Statements

  mutating func walk(_ block: BlockSyntax) {
    for statement in block.statements {
      guard state.reachable else { return }
      visit(statement)
    }
  }

  mutating func visit(_ statement: SyntaxNode) {
    budget -= 1
    pending = []
    writesConstant = false
    switch statement.kind {
    case .expressionStatement, .assertStatement:
      for child in statement.children { evaluate(child) }
    case .assignment:
      guard let assignment = AssignmentSyntax(statement) else { return }
      evaluate(assignment.value)
      writesConstant = Self.isLiteralConstant(assignment.value)
      for target in assignment.targets { assign(target) }
    case .annotatedAssignment:
      guard let assignment = AnnotatedAssignmentSyntax(statement), let value = assignment.value else { return }
      evaluate(value)
      writesConstant = Self.isLiteralConstant(value)
      assign(assignment.target)
    case .augmentedAssignment:
      guard let assignment = AugmentedAssignmentSyntax(statement) else { return }
      evaluate(assignment.target)
      if let value = assignment.value { evaluate(value) }
      assign(assignment.target)
    case .deleteStatement:
      for target in DeleteSyntax(statement)?.targets ?? [] { delete(target) }
    case .returnStatement:
      for child in statement.children { evaluate(child) }
      state = .unreachable
    case .raiseStatement:
      for child in statement.children { evaluate(child) }
      state = .unreachable
    case .breakStatement, .continueStatement:
      leaveIteration(breaking: statement.kind == .breakStatement)
    case .ifStatement:
      if let statement = IfSyntax(statement) { visitIf(statement) }
    case .whileStatement:
      if let statement = WhileSyntax(statement) { visitWhile(statement) }
    case .forStatement, .asyncForStatement:
      if let statement = ForSyntax(statement) { visitFor(statement) }
    case .withStatement, .asyncWithStatement:
      if let statement = WithSyntax(statement) { visitWith(statement) }
    case .tryStatement, .tryStarStatement:
      if let statement = TrySyntax(statement) { visitTry(statement) }
    case .matchStatement:
      if let statement = MatchSyntax(statement) { visitMatch(statement) }
    case .functionDef, .asyncFunctionDef:
      // Its body does not run here; the name it binds holds nothing read from shared state.
      if let name = FunctionDefSyntax(statement)?.name { setLocal(name, to: []) }
    case .classDef:
      if let name = ClassDefSyntax(statement)?.name { setLocal(name, to: []) }
    default:
      // pass, global, nonlocal, imports, type aliases, what did not parse.
      break
    }
  }

  /// `None`, `True`, `False`, a number (signed or not) or a string literal; or a named constant
  /// spelled in capitals, by convention never rebound: a module's (`IDLE`) or an enum's member
  /// (`Stage.REQUEST`, `WebSocketState.CONNECTED`: sanic's and starlette's state machines).
  static func isLiteralConstant(_ expression: SyntaxNode) -> Bool {
    if isNamedConstant(expression.unparenthesized) { return true }
    var node = expression.unparenthesized
    if let unary = UnaryOperationSyntax(node), unary.operatorKind == .minus || unary.operatorKind == .plus {
      guard let number = ConstantSyntax(unary.operand.unparenthesized), number.isNumber else { return false }
      node = number.node
    }
    return ConstantSyntax(node) != nil
  }

  /// `NAME` or `Name.MEMBER`, with the last name in capitals (and at least one letter).
  private static func isNamedConstant(_ node: SyntaxNode) -> Bool {
    let last: String?
    if let name = node.asName {
      last = name.identifier
    } else if let attribute = AttributeSyntax(node), attribute.value.unparenthesized.kind == .name {
      last = attribute.name
    } else {
      return false
    }
    guard let last, last.contains(where: \.isLetter) else { return false }
    return last.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "_" }
  }

  /// `break` or `continue`: the state goes to the loop's exit or head.
  private mutating func leaveIteration(breaking: Bool) {
    guard !loops.isEmpty else { return }
    var leaving = state
    leaving.truncateConditions(to: loops[loops.count - 1].depth)
    if breaking {
      loops[loops.count - 1].breaks.formJoin(leaving)
    } else {
      loops[loops.count - 1].continues.formJoin(leaving)
    }
    state = .unreachable
  }

  /// Gives local `name` the taints `taints`; an exception raised from here on reaches the
  /// innermost `try`'s handlers with it.
  mutating func setLocal(_ name: String, to taints: Set<Taint>) {
    state.set(name, to: taints)
    if !handlers.isEmpty { handlers[handlers.count - 1].state.add(taints, to: name) }
  }

  /// Evaluates a test and returns its taints, for the conditions stack.
  private mutating func test(_ expression: SyntaxNode) -> Set<Taint> {
    pending = []
    evaluate(expression)
    return pending.superseded()
  }

  // MARK: Branches

  private mutating func visitIf(_ statement: IfSyntax) {
    let depth = state.conditions.count
    state.conditions.append(test(statement.condition))
    var exit = FlowState.unreachable
    var next = state
    if let body = statement.body { walk(body) }
    exit.formJoin(leaving(to: depth))
    for clause in statement.elifClauses {
      state = next
      state.conditions.append(test(clause.condition))
      next = state
      if let body = clause.body { walk(body) }
      exit.formJoin(leaving(to: depth))
    }
    state = next
    if let body = statement.elseClause?.body { walk(body) }
    exit.formJoin(leaving(to: depth))
    state = exit
  }

  /// The current state with the conditions pushed since `depth` dropped.
  private func leaving(to depth: Int) -> FlowState {
    var state = state
    state.truncateConditions(to: depth)
    return state
  }

  private mutating func visitMatch(_ statement: MatchSyntax) {
    let depth = state.conditions.count
    let subject = test(statement.subject)
    let start = state
    var exit = start
    for matchCase in statement.cases {
      state = start
      for node in matchCase.pattern.descendantsAndSelf {
        if let binding = model.binding(madeBy: node), binding.kind == .matchCapture {
          setLocal(binding.name, to: subject)
        }
      }
      pending = subject
      if let guardExpression = matchCase.guardExpression { evaluate(guardExpression) }
      state.conditions.append(pending.superseded())
      if let body = matchCase.body { walk(body) }
      exit.formJoin(leaving(to: depth))
    }
    state = exit
  }

  // MARK: Loops

  private mutating func visitWhile(_ statement: WhileSyntax) {
    let alwaysTrue = statement.condition.literalTruth == true
    let breaks = iterate { walker in
      let taints = walker.test(statement.condition)
      let exhausted = alwaysTrue ? FlowState.unreachable : walker.state
      walker.state.conditions.append(taints)
      if let body = statement.body { walker.walk(body) }
      return exhausted
    }
    finishLoop(breaks: breaks, orelse: statement.orelse)
  }

  private mutating func visitFor(_ statement: ForSyntax) {
    pending = []
    if let iterable = statement.iterable { evaluate(iterable) }
    let items = pending.superseded()
    let breaks = iterate { walker in
      walker.pending = items
      if statement.isAsync { walker.suspend(Suspension(kind: .asyncFor, node: statement.node)) }
      let exhausted = walker.state
      walker.assign(statement.target)
      if let body = statement.body { walker.walk(body) }
      return exhausted
    }
    finishLoop(breaks: breaks, orelse: statement.orelse)
  }

  /// Walks a loop to a fixed point of its head state (at most `loopPasses` times, once when the
  /// budget is spent). `pass` walks the head and the body once and returns the state in which
  /// the loop ends by its condition (or by running out of items). Leaves `state` at that state
  /// of the last pass and returns the join of its `break`s. Findings of every pass stay.
  private mutating func iterate(_ pass: (inout StaleStateWalker) -> FlowState) -> FlowState {
    let depth = state.conditions.count
    let entry = state
    var head = entry
    var exhausted = FlowState.unreachable
    var breaks = FlowState.unreachable
    for _ in 0..<Self.loopPasses {
      state = head
      loops.append(LoopFrame(depth: depth))
      exhausted = pass(&self)
      exhausted.truncateConditions(to: depth)
      var end = leaving(to: depth)
      let frame = loops.removeLast()
      end.formJoin(frame.continues)
      breaks = frame.breaks
      var next = entry
      next.formJoin(end)
      if next == head || budget <= 0 { break }
      head = next
    }
    state = exhausted
    return breaks
  }

  /// After `iterate`: the `else` clause runs when the loop ends by itself, not by `break`.
  private mutating func finishLoop(breaks: FlowState, orelse: BlockSyntax?) {
    if let orelse { walk(orelse) }
    state.formJoin(breaks)
  }

  // MARK: Context managers and exceptions

  private mutating func visitWith(_ statement: WithSyntax) {
    let held = heldLocks.count
    var suspendsOnExit = false
    for item in statement.items {
      pending = []
      evaluate(item.contextExpression)
      if statement.isAsync {
        suspend(Suspension(kind: .asyncWith, node: statement.node))
        if shared.holdsLock(item.contextExpression) {
          heldLocks.append(StatePath(item.contextExpression))
        } else {
          suspendsOnExit = true
        }
      }
      if let target = item.target { assign(target) }
    }
    if let body = statement.body { walk(body) }
    let locked = heldLocks.count - held
    heldLocks.removeLast(locked)
    // A lock's `__aexit__` does not suspend; another manager's may. Mixed with a lock, its exit
    // runs while the lock is still held.
    if suspendsOnExit && locked == 0 && state.reachable {
      suspend(Suspension(kind: .asyncWithExit, node: statement.node))
    }
  }

  private mutating func visitTry(_ statement: TrySyntax) {
    let depth = state.conditions.count
    handlers.append(HandlerFrame(state: state, depth: depth))
    if let body = statement.body { walk(body) }
    let raised = handlers.removeLast().state
    if let orelse = statement.orelse { walk(orelse) }
    var exit = state
    for handler in statement.handlers {
      state = raised
      pending = []
      if let type = handler.type { evaluate(type) }
      if let name = handler.name { setLocal(name, to: []) }
      if let body = handler.body { walk(body) }
      exit.formJoin(state)
    }
    // What no handler catches goes on to the enclosing `try`.
    if !handlers.isEmpty { handlers[handlers.count - 1].state.formJoin(leavingHandlers(raised)) }
    state = exit
    if let finalbody = statement.finalbody {
      // Over-approximated: the exceptional exits run it too and are taken to go on after it.
      state.formJoin(raised)
      walk(finalbody)
    }
  }

  private func leavingHandlers(_ raised: FlowState) -> FlowState {
    var state = raised
    state.truncateConditions(to: handlers[handlers.count - 1].depth)
    return state
  }
}
