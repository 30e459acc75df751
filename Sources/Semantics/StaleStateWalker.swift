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
  /// How many `async with <lock>` blocks hold a lock around the code being walked.
  var locksHeld = 0
  /// Per enclosing loop: the states at its `break`s and `continue`s.
  var loops: [LoopFrame] = []
  /// Per enclosing `try` body: the states an exception may leave it in.
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
    switch statement.kind {
    case .expressionStatement, .assertStatement:
      for child in statement.children { evaluate(child) }
    case .assignment:
      guard let assignment = AssignmentSyntax(statement) else { return }
      evaluate(assignment.value)
      for target in assignment.targets { assign(target) }
    case .annotatedAssignment:
      guard let assignment = AnnotatedAssignmentSyntax(statement), let value = assignment.value else { return }
      evaluate(value)
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
      noteException()
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
      if let name = FunctionDefSyntax(statement)?.name { state.locals[name] = nil }
    case .classDef:
      if let name = ClassDefSyntax(statement)?.name { state.locals[name] = nil }
    default:
      // pass, global, nonlocal, imports, type aliases, what did not parse.
      break
    }
    noteException()
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

  /// Records that an exception raised here reaches the innermost `try`'s handlers.
  mutating func noteException() {
    guard state.reachable, !handlers.isEmpty else { return }
    var raised = state
    raised.truncateConditions(to: handlers[handlers.count - 1].depth)
    handlers[handlers.count - 1].state.formJoin(raised)
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
          state.locals[binding.name] = subject
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
    let alwaysTrue = Self.isAlwaysTrue(statement.condition)
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

  /// `while True`, `while 1`: the loop ends only by `break`, `return` or an exception.
  private static func isAlwaysTrue(_ condition: SyntaxNode) -> Bool {
    guard let constant = ConstantSyntax(condition.unparenthesized) else { return false }
    switch constant.kind {
    case .true: return true
    case .integer: return constant.integerValue.map { $0 != 0 } ?? false
    default: return false
    }
  }

  // MARK: Context managers and exceptions

  private mutating func visitWith(_ statement: WithSyntax) {
    var locked = 0
    var suspendsOnExit = false
    for item in statement.items {
      pending = []
      evaluate(item.contextExpression)
      if statement.isAsync {
        suspend(Suspension(kind: .asyncWith, node: statement.node))
        if shared.holdsLock(item.contextExpression) {
          locked += 1
          locksHeld += 1
        } else {
          suspendsOnExit = true
        }
      }
      if let target = item.target { assign(target) }
    }
    if let body = statement.body { walk(body) }
    locksHeld -= locked
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
      if let name = handler.name { state.locals[name] = nil }
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
