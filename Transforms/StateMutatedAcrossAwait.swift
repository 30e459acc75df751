import Engine
import PythonSyntax
import Semantics

/// AF106 state-mutated-across-await: a coroutine reads shared state, awaits, then changes that
/// state on the strength of what it read. Every await point lets other tasks run, and they may
/// change the state in between: the update is lost or the check no longer holds.
///
/// The analysis is `StaleStateAnalysis` (Sources/Semantics): which state is shared, how values
/// and tests carry a read to a write, how loops, branches, `try` and locks are followed. This
/// rule words its findings: the write is pointed at, the read and the await point are named by
/// line. There is no automatic fix — where the lock goes, and which other code must take it,
/// is a design decision — only a display-only suggestion to hold an `asyncio.Lock` across the
/// read, the await and the write.
public struct StateMutatedAcrossAwait: Rule {
  public init() {}

  /// It reports only inside an `async def`.
  public static func mayReport(in model: SemanticModel) -> Bool { model.hasCoroutine }

  public mutating func visit(_ node: SyntaxNode, in context: RuleContext) {
    guard let coroutine = FunctionDefSyntax(node) else { return }
    for stale in StaleStateAnalysis.findings(in: coroutine, model: context.model, cache: context.valueNames) {
      context.report(
        Self.description, message: Self.message(for: stale), range: stale.write.textRange,
        fixes: [Self.suggestion])
    }
  }

  static let suggestion = Fix.displayOnly(
    "Hold an `asyncio.Lock` (`async with lock:`) from the read to the write, in every task that changes it")

  /// "`items` is read on line 3 and changed on line 5 after the `await` on line 4; another task
  /// may change it in between" (one line: "read before the `await` on line 4 and changed after
  /// it").
  static func message(for stale: StaleWrite) -> String {
    let source = stale.write.tree.source
    func line(_ node: SyntaxNode) -> Int { source.line(of: node.textRange.lowerBound) }
    let state = "`\(stale.state.dottedName)`"
    let read = line(stale.read)
    let write = line(stale.write)
    let point = line(stale.suspension.node)
    let suspension: String
    switch stale.suspension.kind {
    case .await: suspension = "the `await`"
    case .asyncFor: suspension = "the `async for`"
    case .asyncWith: suspension = "entering the `async with`"
    case .asyncWithExit: suspension = "leaving the `async with`"
    case .asyncComprehension: suspension = "the `async for` clause"
    }
    let consequence = "another task may change it in between"
    if read == write && write == point && !stale.readsEarlierIteration {
      return "\(state) is read before \(suspension) on line \(point) and changed after it; \(consequence)"
    }
    let at = stale.suspension.kind == .asyncWithExit ? "of line" : "on line"
    // A read after the write's statement was made in an earlier iteration of a loop.
    let changed =
      stale.readsEarlierIteration
      ? "and, in a later iteration, changed on line \(write)" : "and changed on line \(write)"
    return "\(state) is read on line \(read) \(changed) after \(suspension) \(at) \(point); \(consequence)"
  }
}
