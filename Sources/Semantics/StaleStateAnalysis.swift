import PythonSyntax

/// Shared state changed after an await point on the strength of what was read before it
/// (AF106): the lost update (`n = len(items)`, `await …`, `items.append(n)`) and the
/// check-then-act (`if key not in cache:` `cache[key] = await fetch(key)`).
///
/// One forward data-flow walk over a coroutine's statements in execution order (nested defs,
/// lambdas and classes do not run there). Each read of shared state (`SharedState`) yields a
/// taint; an await point makes the taints live at that moment stale. Taints flow into local
/// variables through assignments (`n = len(items)` taints `n`), and the tests of the `if`s and
/// `while`s around a statement taint what it does. A write of shared state (assignment,
/// augmented assignment, `del`, item assignment, a mutating method call) is a finding when a
/// stale taint of the same state (or of something inside it) flows into it: its value, its
/// arguments, or — through the innermost enclosing test that reads that state — its reason.
///
/// Choices that keep it precise:
/// - a value computed from a fresh read of some state drops the stale taints of that state
///   (`isep = buf.find(sep, offset)` re-reads `buf`, whatever `offset` carries); an inner `if`
///   that re-tests the state after the await decides over an outer, stale test;
/// - only the write's inputs count: reading `self.closed` before an await and setting it after
///   (`if self.closed: return` … `self.closed = True`) is not reported, since the write does not
///   depend on the read through data or an enclosing test; nor is a test-and-set done before
///   the await (`if self.busy: raise …`, `self.busy = True`, `await …`, `self.busy = False`);
/// - a mutating call's receiver is not a read (`waiters.append(f)` … `await f` …
///   `waiters.remove(f)` is fine); `pop(key, default)` and `discard(x)` are no writes (they
///   cannot fail whatever another task did), nor is `clear()` of an asyncio `Event`;
/// - a constant stored under a stale test (`if self.connected:` … `self.connected = False`) is
///   not reported: the value is the same whatever the state became;
/// - await points inside `async with <lock>` do not make taints stale (`SharedState.holdsLock`:
///   a lock, a condition, a semaphore of 1), except the condition's own `wait()`, which lets go
///   of it; acquiring the lock is itself an await point, and releasing it is not (asyncio's
///   `Lock.__aexit__` does not suspend); so do those of a private coroutine every caller of
///   which awaits it inside such an `async with` (httpcore's settings handler, run only under
///   the connection's read lock);
/// - `yield` in an async generator is not counted as an await point.
///
/// Loops are followed around their back edge until the state at the loop head stops changing
/// (bounded), so a value read late in one iteration and written after the next iteration's await
/// is found. Exceptions: a handler starts from what any point of its `try` body may have left; a
/// `finally` from the normal and exceptional exits together.
public struct StaleStateAnalysis {
  /// The stale writes of `coroutine`, in source order of the writes: one per statement and state
  /// (`self.items[0], self.items[i] = …` writes `self.items` twice, one finding says it).
  /// `cache` holds the origins of `self.attr` for every coroutine of the file.
  public static func findings(
    in coroutine: FunctionDefSyntax, model: SemanticModel, cache: ValueNameCache? = nil
  ) -> [StaleWrite] {
    guard coroutine.isAsync, model.containsAwait(coroutine.node), let body = coroutine.body else { return [] }
    let shared = SharedState(coroutine: coroutine, model: model, cache: cache)
    var walker = StaleStateWalker(shared: shared)
    walker.walk(body)
    if walker.found.isEmpty { return [] }
    // A lock held around the whole body hides every finding; asked only now, since finding the
    // callers reads the whole file.
    if everyCallerHoldsALock(coroutine, shared: shared, model: model) { return [] }
    var reported: Set<String> = []
    return walker.found.values.sorted { $0.write.index < $1.write.index }.filter { stale in
      reported.insert("\(StaleWrite.statement(of: stale.write).index) \(stale.state.dottedName)").inserted
    }
  }
}

extension StaleStateAnalysis {
  /// Whether `coroutine` is private (`_name`) and awaited only inside an `async with` that holds
  /// a lock (`SharedState.holdsLock`), at one call site or more in the file: `await
  /// self._name(…)` for a method, `await _name(…)` for a function. Its body then runs under
  /// that lock. A call not awaited at once (`create_task(self._name())`) runs outside it.
  static func everyCallerHoldsALock(_ coroutine: FunctionDefSyntax, shared: SharedState, model: SemanticModel)
    -> Bool
  {
    guard let name = coroutine.name, name.hasPrefix("_"), !name.hasPrefix("__") else { return false }
    // A condition's `wait()` in the body lets go of the caller's lock.
    if coroutine.node.descendantsAndSelf.contains(where: { AttributeSyntax($0)?.isName("wait") == true }) {
      return false
    }
    let isMethod = model.enclosingClass(ofMethod: coroutine.node) != nil
    let tree = model.tree
    var callers = 0
    for index in 0..<UInt32(tree.nodeCount) where tree.nodeKinds[Int(index)] == .call {
      guard let call = CallSyntax(tree.node(index)) else { continue }
      let callee = call.callee.unparenthesized
      if isMethod {
        guard let attribute = AttributeSyntax(callee), attribute.name == name,
          attribute.value.unparenthesized.asName?.identifier == "self"
        else { continue }
      } else {
        guard callee.asName?.identifier == name else { continue }
      }
      guard isAwaited(call.node), heldLockAround(call.node, shared: shared, model: model) else {
        return false
      }
      callers += 1
    }
    return callers > 0
  }

  /// Whether `node` is the operand of an `await` (through parentheses).
  private static func isAwaited(_ node: SyntaxNode) -> Bool {
    var parent = node.parent
    while let current = parent, current.kind == .parenthesized { parent = current.parent }
    return parent?.kind == .awaitExpression
  }

  /// Whether `node` sits in the body of an `async with` holding a lock, in the same function.
  private static func heldLockAround(_ node: SyntaxNode, shared: SharedState, model: SemanticModel) -> Bool {
    let function = model.enclosingFunction(of: node)
    var ancestor = node.parent
    while let current = ancestor, current != function {
      if current.kind == .asyncWithStatement, let with = WithSyntax(current),
        with.items.contains(where: { shared.holdsLock($0.contextExpression) })
      {
        return true
      }
      ancestor = current.parent
    }
    return false
  }
}

/// A write of shared state that depends on a read made before an await point.
public struct StaleWrite: Sendable {
  /// The state written (`self.items`; an item assignment names its container).
  public let state: StatePath
  /// The node that writes: an assignment or `del` target, or a mutating call.
  public let write: SyntaxNode
  /// The read the written value or decision comes from.
  public let read: SyntaxNode
  /// The await point between them.
  public let suspension: Suspension

  /// Whether the read comes after the write's statement in the source: it was made in an
  /// earlier iteration of a loop around both.
  public var readsEarlierIteration: Bool { Self.isAfterStatement(read.index, of: write) }

  /// Whether node `index` lies after the statement holding `node`.
  static func isAfterStatement(_ index: UInt32, of node: SyntaxNode) -> Bool {
    let statement = statement(of: node)
    return index >= statement.index + statement.subtreeSize
  }

  /// The statement holding `node` (the node itself when it is one).
  static func statement(of node: SyntaxNode) -> SyntaxNode {
    var statement = node
    while let parent = statement.parent, parent.kind != .block, parent.kind != .module { statement = parent }
    return statement
  }
}

/// An await point as findings name it.
public struct Suspension: Hashable, Sendable {
  public enum Kind: UInt8, Sendable {
    /// `await x`.
    case await
    /// An `async for` statement fetching its next item (`__anext__`).
    case asyncFor
    /// An `async with` entering (`__aenter__`).
    case asyncWith
    /// An `async with` (other than a lock's) leaving its block (`__aexit__`).
    case asyncWithExit
    /// An `async for` clause of a comprehension.
    case asyncComprehension
  }

  public let kind: Kind
  /// The `await` expression, `async for`/`async with` statement or comprehension clause.
  public let node: SyntaxNode
}

// MARK: Flow facts

/// A value's dependence on one read of shared state, and whether an await point has come since.
struct Taint: Hashable {
  let path: StatePath
  /// The read (node index, for cheap hashing).
  let read: UInt32
  /// The first await point after the read, on the path walked; `nil` while the read is fresh.
  var suspension: Suspension?

  var isStale: Bool { suspension != nil }
}

/// What is known at one point of the coroutine (a may-analysis: joins are unions).
///
/// Kept small so that each statement costs what it changes: a local whose value carries no
/// taint is absent (most locals of a long coroutine), and an await point visits only the locals
/// with a fresh taint (`freshLocals`), not every local of the coroutine.
struct FlowState: Equatable {
  /// Whether the point can be reached (false after `return`, `raise`, `break`, `continue`).
  var reachable = true
  /// The taints of each local variable's value; never an empty set.
  private(set) var locals: [String: Set<Taint>] = [:]
  /// The locals whose taints include one not yet stale.
  private(set) var freshLocals: Set<String> = []
  /// The taints of the tests of the `if`s and `while`s around the point, outermost first.
  var conditions: [Set<Taint>] = []

  static let unreachable = FlowState(reachable: false)

  /// Gives local `name` the value `taints` (none: it carries nothing read from shared state).
  mutating func set(_ name: String, to taints: Set<Taint>) {
    if taints.isEmpty {
      locals[name] = nil
      freshLocals.remove(name)
      return
    }
    locals[name] = taints
    if taints.contains(where: { !$0.isStale }) { freshLocals.insert(name) } else { freshLocals.remove(name) }
  }

  /// Adds `taints` to what local `name` may carry.
  mutating func add(_ taints: Set<Taint>, to name: String) {
    guard !taints.isEmpty else { return }
    locals[name, default: []].formUnion(taints)
    if taints.contains(where: { !$0.isStale }) { freshLocals.insert(name) }
  }

  /// Both states' facts: what holds on either path.
  mutating func formJoin(_ other: FlowState) {
    guard other.reachable else { return }
    guard reachable else {
      self = other
      return
    }
    locals.merge(other.locals) { $0.union($1) }
    freshLocals.formUnion(other.freshLocals)
    let depth = min(conditions.count, other.conditions.count)
    conditions.removeLast(conditions.count - depth)
    for index in 0..<depth { conditions[index].formUnion(other.conditions[index]) }
  }

  /// Makes every fresh taint stale: `suspension` lets other tasks run. Returns the locals
  /// changed.
  mutating func suspend(at suspension: Suspension) -> Set<String> {
    let changed = freshLocals
    for name in changed {
      if let taints = locals[name] { locals[name] = Self.suspending(taints, at: suspension) }
    }
    freshLocals = []
    for index in conditions.indices { conditions[index] = Self.suspending(conditions[index], at: suspension) }
    return changed
  }

  static func suspending(_ taints: Set<Taint>, at suspension: Suspension) -> Set<Taint> {
    guard taints.contains(where: { !$0.isStale }) else { return taints }
    return Set(
      taints.map { taint in
        var taint = taint
        if taint.suspension == nil { taint.suspension = suspension }
        return taint
      })
  }

  /// Drops the conditions pushed after the first `depth` (leaving a branch or loop body).
  mutating func truncateConditions(to depth: Int) {
    if conditions.count > depth { conditions.removeLast(conditions.count - depth) }
  }
}

extension Set where Element == Taint {
  /// The taints with the stale ones of any state that is also read fresh, by another read,
  /// dropped: a value recomputed from the state after the await no longer rests on the old
  /// read. (The same read fresh on one path and stale on another stays stale: it may be.)
  func superseded() -> Set<Taint> {
    var fresh: [StatePath: UInt32] = [:]
    var repeated: Set<StatePath> = []
    for taint in self where !taint.isStale {
      if let read = fresh[taint.path], read != taint.read { repeated.insert(taint.path) }
      fresh[taint.path] = taint.read
    }
    if fresh.isEmpty { return self }
    return filter { taint in
      guard taint.isStale, let read = fresh[taint.path] else { return true }
      return read == taint.read && !repeated.contains(taint.path)
    }
  }
}
