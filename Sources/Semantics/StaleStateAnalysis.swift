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
///   `waiters.remove(f)` is fine);
/// - await points inside `async with <lock>` do not make taints stale (`SharedState.holdsLock`);
///   acquiring the lock is itself an await point, and releasing it is not (asyncio's
///   `Lock.__aexit__` does not suspend);
/// - `yield` in an async generator is not counted as an await point.
///
/// Loops are followed around their back edge until the state at the loop head stops changing
/// (bounded), so a value read late in one iteration and written after the next iteration's await
/// is found. Exceptions: a handler starts from what any point of its `try` body may have left; a
/// `finally` from the normal and exceptional exits together.
public struct StaleStateAnalysis {
  /// The stale writes of `coroutine`, in source order of the writes (one per written node).
  public static func findings(in coroutine: FunctionDefSyntax, model: SemanticModel) -> [StaleWrite] {
    guard coroutine.isAsync, model.containsAwait(coroutine.node), let body = coroutine.body else { return [] }
    var walker = StaleStateWalker(shared: SharedState(coroutine: coroutine, model: model))
    walker.walk(body)
    return walker.found.values.sorted { $0.write.index < $1.write.index }
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
    var statement = node
    while let parent = statement.parent, parent.kind != .block, parent.kind != .module { statement = parent }
    return index >= statement.index + statement.subtreeSize
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
struct FlowState: Equatable {
  /// Whether the point can be reached (false after `return`, `raise`, `break`, `continue`).
  var reachable = true
  /// The taints of each local variable's value.
  var locals: [String: Set<Taint>] = [:]
  /// The taints of the tests of the `if`s and `while`s around the point, outermost first.
  var conditions: [Set<Taint>] = []

  static let unreachable = FlowState(reachable: false)

  /// Both states' facts: what holds on either path.
  mutating func formJoin(_ other: FlowState) {
    guard other.reachable else { return }
    guard reachable else {
      self = other
      return
    }
    locals.merge(other.locals) { $0.union($1) }
    let depth = min(conditions.count, other.conditions.count)
    conditions.removeLast(conditions.count - depth)
    for index in 0..<depth { conditions[index].formUnion(other.conditions[index]) }
  }

  /// Makes every fresh taint stale: `suspension` lets other tasks run.
  mutating func suspend(at suspension: Suspension) {
    for key in locals.keys { locals[key] = locals[key].map { Self.suspending($0, at: suspension) } }
    for index in conditions.indices { conditions[index] = Self.suspending(conditions[index], at: suspension) }
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
