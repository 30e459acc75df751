import Engine
import PythonSyntax
import Semantics

/// AF103 loop-without-yield: a loop in a coroutine that never reaches an await point and can
/// run unboundedly (a `while`), or holds the thread for every item (a `for` making blocking
/// calls), starves every other task; the fix makes each iteration yield.
///
/// A loop is a candidate when its body (and a `while` loop's condition) holds no await point of
/// the coroutine's own code (`await`, `async for`, `async with`, an async comprehension; a
/// `yield` of an async generator also counts, since it hands control to the consumer), and:
/// - a `while` loop: `LoopAnalysis` finds it unbounded: an always-true condition, or a
///   busy-wait on state its body never changes;
/// - a `for` loop: its body makes one of AF109's blocking calls (`RuleContext.blockingCall`) in
///   each pass (`runsInEachPass`): not in a nested function or lambda, not in a generator
///   expression made but not consumed in the body, and not in the body of a nested loop that
///   this rule gives a yield (that loop yields for both). A bounded `for` over items without
///   blocking calls is fine: it ends after its items, and each pass is as short as a
///   straight-line coroutine.
///
/// Candidates are decided in `finish(in:)`, after the walk, because a fix of another rule may give
/// the loop its await point: a blocking sleep AF102 converts (`time.sleep(1)` → `await
/// asyncio.sleep_ms(1000)`) makes the loop yield, so the loop is not reported and does not get a
/// second yield. Extension point: every rule that calls `RuleContext.noteAwaitPoint` for its fix
/// (AF101's missing `await` will) is counted the same way, with no change here.
public struct LoopWithoutYield: Rule {
  private enum Candidate {
    case whileLoop(WhileSyntax, body: BlockSyntax, reason: LoopAnalysis.Unbounded)
    case forLoop(ForSyntax, body: BlockSyntax)
  }

  private var candidates: [Candidate] = []

  public init() {}

  /// It reports only inside an `async def`.
  public static func mayReport(in model: SemanticModel) -> Bool { model.hasCoroutine }

  public mutating func visit(_ node: SyntaxNode, in context: RuleContext) {
    let model = context.model
    guard model.enclosingCoroutine(of: node) != nil else { return }
    if let loop = WhileSyntax(node), let body = loop.body,
      !model.containsAwaitPoint(loop.condition, countingYields: true),
      !model.containsAwaitPoint(body.node, countingYields: true),
      let reason = LoopAnalysis(model: model).unboundedness(of: loop, body: body)
    {
      candidates.append(.whileLoop(loop, body: body, reason: reason))
    } else if let loop = ForSyntax(node), !loop.isAsync, let body = loop.body,
      !model.containsAwaitPoint(body.node, countingYields: true)
    {
      candidates.append(.forLoop(loop, body: body))
    }
  }

  public mutating func finish(in context: RuleContext) {
    /// The loops whose finding's fix will be applied: each of their passes yields. Candidates
    /// are in pre-order, so going backwards decides every nested loop before its outer loop.
    var yieldingLoops: Set<SyntaxNode> = []
    for candidate in candidates.reversed() {
      let loop: SyntaxNode
      let body: BlockSyntax
      let message: String
      switch candidate {
      case .whileLoop(let whileLoop, let whileBody, let reason):
        if context.fixAddsAwaitPoint(in: whileLoop.condition) { continue }
        let header = "`while \(whileLoop.condition.shortText())`"
        switch reason {
        case .alwaysTrue: message = "\(header) loop never awaits, blocking the event loop"
        case .busyWait: message = "\(header) busy-waits without awaiting, blocking the event loop"
        }
        (loop, body) = (whileLoop.node, whileBody)
      case .forLoop(let forLoop, let forBody):
        guard let iterable = forLoop.iterable,
          Self.makesBlockingCall(forLoop, body: forBody, yieldingLoops: yieldingLoops, in: context)
        else { continue }
        let header = "`for \(forLoop.target.shortText()) in \(iterable.shortText())`"
        message = "\(header) loop makes blocking calls without awaiting, blocking the event loop"
        (loop, body) = (forLoop.node, forBody)
      }
      if context.fixAddsAwaitPoint(in: body.node) { continue }
      let finding = context.report(
        Self.description, message: message, range: context.tree.tokens.textRange(loop.firstToken),
        fixes: Self.fix(for: body, in: context).map { [$0] } ?? [])
      if context.willApplyFix(of: finding) { yieldingLoops.insert(loop) }
    }
  }

  /// Whether `body` makes a blocking call in each pass of `loop` (`runsInEachPass`).
  private static func makesBlockingCall(
    _ loop: ForSyntax, body: BlockSyntax, yieldingLoops: Set<SyntaxNode>, in context: RuleContext
  ) -> Bool {
    let model = context.model
    let function = model.enclosingFunction(of: loop.node)
    let tree = context.tree
    let end = body.node.index + body.node.subtreeSize
    return (body.node.index..<end).contains { index in
      guard tree.nodeKinds[Int(index)] == .call else { return false }
      let node = tree.node(index)
      guard let call = CallSyntax(node) else { return false }
      return model.enclosingFunction(of: node) == function
        && runsInEachPass(node, of: body, yieldingLoops: yieldingLoops) && context.blockingCall(call) != nil
    }
  }

  /// `await asyncio.sleep_ms(0)` (CPython: `await asyncio.sleep(0)`) as the body's first
  /// statement, through the file's asyncio binding, adding `import asyncio` when needed.
  ///
  /// First, not last: a `continue` skips the rest of the body, so a yield at the end would be
  /// missed by exactly the iterations that continue (a polling loop's "nothing yet" path);
  /// every iteration passes the first statement. A one-line body stays on its line
  /// (`while True: await asyncio.sleep_ms(0); poll()`). Indentation and line breaks are the
  /// block's own (`Indentation`).
  static func fix(for body: BlockSyntax, in context: RuleContext) -> Fix? {
    let member = context.dialect == .micropython ? "sleep_ms" : "sleep"
    guard let reference = context.asyncio(member, at: body.node) else { return nil }
    let statement = "await \(reference.expression)(0)"
    guard let insertion = Indentation.insertion(statement, atStartOf: body) else { return nil }
    return Fix(
      message: "Insert `\(statement)` at the start of the loop body", applicability: .safe,
      edits: [insertion] + reference.importEdits)
  }
}
