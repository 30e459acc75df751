import PythonSyntax
import Semantics

/// Whether a `while` loop can run unboundedly (AF103), from its condition and body alone.
///
/// - A condition that is a truthy literal (`True`, `1`, `"x"`, `...`) never ends the loop itself;
///   a falsy one (`False`, `0`, `None`) never runs it.
/// - Otherwise the condition reads state: names and attribute chains (`flag`, `self.ready`,
///   `uart.any` in `not uart.any()`). Calls in the condition are taken as reads (`uart.any()`
///   polls hardware; the classic busy-wait), and a walrus target in it is a write of its own.
///   The loop is bounded when its body (or the condition's walrus) changes some state the
///   condition reads; else it waits for something outside the loop (another task, which cannot
///   run, or an interrupt) and is a busy-wait.
/// - A body that always leaves in its first iteration (`break`, `return` or `raise` at its top
///   level, or in every branch of an `if`/`else`, with no `continue` before) is not a loop that
///   runs on, whatever the condition.
///
/// What counts as changing state read as `a.b.c` (a path), in the body's own code (nested defs,
/// lambdas and classes do not run there):
/// - binding or deleting a name (`=`, `+=`, `for`, `with … as`, `:=`, `except … as`, `del`),
///   assigning or deleting an attribute or item (`self.n = …`, `buf[0] = …`): the path written
///   and the paths it overlaps (`self.x = …` changes `self.x.y`; `self = …` changes `self.x`);
/// - a method call changes its receiver (`q.pop()` changes `q`, `self.step()` changes `self.*`);
/// - a path passed to a call changes it (`refill(buf)`), except for builtins that only read
///   (`len`, `print`, …);
/// - a call of a plain function (not such a builtin) may change anything but the coroutine's own
///   local variables: globals (`global` in the callee) and the attributes of shared objects.
struct LoopAnalysis {
  enum Unbounded: Sendable {
    /// The condition is always true.
    case alwaysTrue
    /// The condition reads state the loop never changes.
    case busyWait
  }

  let model: SemanticModel

  /// Why the loop can run unboundedly, or `nil` when it is bounded (or cannot be told).
  func unboundedness(of loop: WhileSyntax, body: BlockSyntax) -> Unbounded? {
    if ExitAnalysis.alwaysLeavesLoop(body) { return nil }
    let condition = loop.condition.unparenthesized
    if let truth = Self.literalTruth(condition) { return truth ? .alwaysTrue : nil }
    var reads = StateAccess(model: model)
    reads.collectReads(in: condition)
    // A condition made only of literals and operators: constant, but not worth evaluating.
    if reads.paths.isEmpty { return nil }
    var writes = StateAccess(model: model)
    writes.collectWrites(in: body.node)
    writes.paths.formUnion(reads.walrusTargets)
    let function = model.enclosingFunction(of: loop.node).flatMap { model.scopeOpened(by: $0)?.id }
    let changed = reads.paths.contains { read in
      writes.paths.contains { $0.overlaps(read) }
        || (writes.callsUnknownCode && !(read.count == 1 && read.isLocal(to: function, in: model)))
    }
    return changed ? nil : .busyWait
  }

  /// The truth value of a literal condition; `nil` for anything else.
  static func literalTruth(_ condition: SyntaxNode) -> Bool? {
    guard let constant = ConstantSyntax(condition) else { return nil }
    switch constant.kind {
    case .true, .ellipsis: return true
    case .false, .none: return false
    case .integer, .float: return constant.exactDecimalValue.map { !$0.isZero }
    case .imaginary: return nil
    case .string, .bytes:
      // One literal token: empty when nothing but the prefix and quotes.
      guard condition.endToken - condition.firstToken == 1 else { return nil }
      let text = condition.tree.tokenText(condition.firstToken).drop { $0 != "\"" && $0 != "'" }
      return !(text == "\"\"" || text == "''" || text == "\"\"\"\"\"\"" || text == "''''''")
    }
  }
}
