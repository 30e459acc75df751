import Engine
import PythonSyntax
import Semantics

/// AF108 asyncio-run-misuse: `asyncio.run()` where an event loop is already running, or run a
/// second time at top level.
///
/// `asyncio.run` (any import form, `uasyncio` too) is reported:
/// - in a coroutine, or in a plain function reachable from one through the module's call graph
///   (`main` → `connect()` → `asyncio.run(…)`): CPython raises `RuntimeError`; MicroPython
///   re-enters its one loop and corrupts it (the unix port crashes with a segmentation fault);
/// - in a registered interrupt handler, scheduled callback or MicroPython thread (and what they
///   call): it can fire while the loop runs. A CPython thread may run a loop of its own, so
///   `_thread.start_new_thread(f)` with `f` calling `asyncio.run` is fine there;
/// - a second time at module level: MicroPython keeps one loop whose leftover tasks resume in the
///   second run; CPython starts a new loop, on which the first run's tasks and asyncio objects
///   cannot be used. Not reported: a run that cannot follow the first (the other branch of an
///   `if`, another `case`, another `except`), the cleanup pattern (a run in the `except` or
///   `finally` of a `try` whose body holds the first; with a run in the body, a run in an
///   `except` and one in the `finally` are both its cleanups), and in MicroPython a run after
///   `asyncio.new_event_loop()` may have reset the loop's state (a reset in the `finally` or an
///   `except` of the first run's `try` counts).
///
/// No fix: what to do instead (await the coroutine, merge the runs, hand work to a task through a
/// ThreadSafeFlag) is a design decision.
public struct AsyncioRunMisuse: Rule {
  public init() {}

  static let run: QualifiedNameSet = ["asyncio.run", "asyncio.runners.run"]
  static let newEventLoop: QualifiedNameSet = ["asyncio.new_event_loop"]

  private var runs: [CallSyntax] = []
  /// Module-level `asyncio.new_event_loop()` calls.
  private var loopResets: [CallSyntax] = []
  /// Made on the first call of the file: which called names can be `run` / `new_event_loop`.
  private var filters: (run: CalleeFilter, reset: CalleeFilter)?

  /// Every name it looks for is asyncio's: a file that imports no asyncio cannot call one.
  public static func mayReport(in model: SemanticModel) -> Bool { model.mayReferenceAsyncio }

  public mutating func visit(_ node: SyntaxNode, in context: RuleContext) {
    guard let call = CallSyntax(node) else { return }
    let model = context.model
    if filters == nil { filters = (CalleeFilter(Self.run, in: model), CalleeFilter(Self.newEventLoop, in: model)) }
    guard let (runFilter, resetFilter) = filters else { return }
    if runFilter.mayMatch(call.callee) && model.matches(call.callee, Self.run) {
      runs.append(call)
    } else if resetFilter.mayMatch(call.callee) && model.matches(call.callee, Self.newEventLoop),
      model.enclosingFunction(of: node) == nil
    {
      loopResets.append(call)
    }
  }

  public mutating func finish(in context: RuleContext) {
    if runs.isEmpty { return }
    var reported: Set<UInt32> = []
    reportRunsInsideTheLoop(in: context, reported: &reported)
    reportRunsFromCallbacks(in: context, reported: &reported)
    reportSecondTopLevelRuns(in: context)
  }

  // MARK: Inside a running loop

  /// Runs in coroutines, and in the plain functions coroutines call.
  private func reportRunsInsideTheLoop(in context: RuleContext, reported: inout Set<UInt32>) {
    let model = context.model
    let consequence = Self.consequence(context.dialect)
    var inFunctions: [UInt32: [CallSyntax]] = [:]
    for run in runs {
      if let coroutine = model.enclosingCoroutine(of: run.node) {
        reported.insert(run.node.index)
        context.report(
          Self.description,
          message: "\(Self.spelling(run)) runs in coroutine `\(CallbackDescription.name(of: coroutine.node, in: model))`: \(consequence); "
            + "await the coroutine instead",
          range: run.node.textRange)
      } else if let function = model.enclosingFunction(of: run.node) {
        inFunctions[function.index, default: []].append(run)
      }
    }
    if inFunctions.isEmpty { return }
    let kinds = context.tree.nodeKinds
    let coroutines = kinds.indices.filter { kinds[$0] == .asyncFunctionDef }.map { context.tree.node(UInt32($0)) }
    for (root, reached) in context.callGraph.firstReach(from: coroutines) where !reached.path.isEmpty {
      for run in inFunctions[reached.function.index] ?? [] where reported.insert(run.node.index).inserted {
        let name = CallbackDescription.name(of: coroutines[root], in: model)
        context.report(
          Self.description,
          message: "\(Self.spelling(run)) runs in coroutine `\(name)`"
            + "\(CallbackDescription.through(reached.path, in: model)): \(consequence); await the coroutine instead",
          range: run.node.textRange)
      }
    }
  }

  /// Runs in registered callbacks and what they call.
  private func reportRunsFromCallbacks(in context: RuleContext, reported: inout Set<UInt32>) {
    let model = context.model
    var inFunctions: [UInt32: [CallSyntax]] = [:]
    for run in runs where !reported.contains(run.node.index) {
      if let function = model.enclosingFunction(of: run.node) { inFunctions[function.index, default: []].append(run) }
    }
    if inFunctions.isEmpty { return }
    let consequence = Self.consequence(context.dialect)
    let advice =
      context.dialect == .micropython
      ? "wake a task with a ThreadSafeFlag instead" : "hand the work to the loop with `loop.call_soon_threadsafe()`"
    let roots = context.interruptRegistrations.flatMap { registration in
      registration.context == .thread && context.dialect == .cpython
        ? [] : registration.handlers.map { (registration, $0) }
    }
    for (root, reached) in context.callGraph.firstReach(from: roots.map(\.1)) {
      let (registration, handler) = roots[root]
      for run in inFunctions[reached.function.index] ?? [] where reported.insert(run.node.index).inserted {
        let place =
          CallbackDescription.phrase(registration, handler: handler, in: model)
          + CallbackDescription.through(reached.path, in: model)
        context.report(
          Self.description,
          message: "\(Self.spelling(run)) runs in \(place): it can fire while the event loop runs, and "
            + "\(consequence); \(advice)",
          range: run.node.textRange)
      }
    }
  }

  /// What happens when the loop is entered while running.
  static func consequence(_ dialect: Dialect) -> String {
    switch dialect {
    case .micropython: "MicroPython re-enters its running event loop and corrupts it (the unix port crashes)"
    case .cpython: "CPython raises RuntimeError (an event loop is already running)"
    }
  }

  /// `asyncio.run()`, `uasyncio.run()`, `run()`: the callee as written.
  static func spelling(_ run: CallSyntax) -> String { "`\(run.callee.compactText)()`" }

  // MARK: Twice at top level

  private func reportSecondTopLevelRuns(in context: RuleContext) {
    let model = context.model
    let topLevel = runs.filter { model.enclosingFunction(of: $0.node) == nil }
    guard topLevel.count > 1 else { return }
    // Whether the body of a `try` holds a top-level run: its `except` and `finally` then each
    // clean up after that run.
    let guardsRun = { (block: SyntaxNode) in
      topLevel.contains { block.index < $0.node.index && $0.node.index < block.index + block.subtreeSize }
    }
    for (position, second) in topLevel.enumerated().dropFirst() {
      guard
        let first = topLevel[..<position].first(where: { first in
          RunOrder.relation(of: second, after: first, guardsRun: guardsRun) == .after
            && !resetsLoop(between: first, and: second, in: context)
        })
      else { continue }
      let line = CallbackDescription.line(of: first.node)
      let why =
        context.dialect == .micropython
        ? "MicroPython keeps one event loop, so tasks left from the first run resume in this one; call "
          + "`asyncio.new_event_loop()` in between, or await both from one main coroutine"
        : "it starts a new event loop, on which the first run's tasks, Events, Locks and Queues cannot be used; "
          + "await both from one main coroutine"
      context.report(
        Self.description,
        message: "second top-level \(Self.spelling(second)) (the first is at line \(line)): \(why)",
        range: second.node.textRange)
    }
  }

  /// Whether, in MicroPython, an `asyncio.new_event_loop()` at module level may run between the
  /// two: after the first (a reset in the `finally` of the first run's `try` counts) and before
  /// the second.
  private func resetsLoop(between first: CallSyntax, and second: CallSyntax, in context: RuleContext) -> Bool {
    guard context.dialect == .micropython else { return false }
    return loopResets.contains { reset in
      first.node.index < reset.node.index && reset.node.index < second.node.index
        && RunOrder.relation(of: reset, after: first) != .exclusive
        && RunOrder.relation(of: second, after: reset) != .exclusive
    }
  }
}
