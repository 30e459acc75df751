import Engine
import PythonSyntax
import Semantics

/// AF103 loop-without-yield: a `while` loop in a coroutine that never reaches an await point and
/// can run unboundedly starves every other task; the fix makes each iteration yield.
///
/// A loop is a candidate when neither its condition nor its body holds an await point of the
/// coroutine's own code (`await`, `async for`, `async with`, an async comprehension; a `yield` of
/// an async generator also counts, since it hands control to the consumer), and `LoopAnalysis`
/// finds it unbounded: an always-true condition, or a busy-wait on state its body never changes.
///
/// Candidates are decided in `finish(in:)`, after the walk, because a fix of another rule may give
/// the loop its await point: a blocking sleep AF102 converts (`time.sleep(1)` → `await
/// asyncio.sleep_ms(1000)`) makes the loop yield, so the loop is not reported and does not get a
/// second yield. Extension point: every rule that calls `RuleContext.noteAwaitPoint` for its fix
/// (AF101's missing `await` will) is counted the same way, with no change here. AF109's blocking
/// calls in `for` loops will join by adding `.forStatement` to the node kinds and asking the
/// context for the calls AF109 noted in the body.
public struct LoopWithoutYield: Rule {
  private var candidates: [(loop: WhileSyntax, body: BlockSyntax, reason: LoopAnalysis.Unbounded)] = []

  public init() {}

  public mutating func visit(_ node: SyntaxNode, in context: RuleContext) {
    let model = context.model
    guard let loop = WhileSyntax(node), let body = loop.body, model.enclosingCoroutine(of: node) != nil,
      !model.containsAwaitPoint(loop.condition, countingYields: true),
      !model.containsAwaitPoint(body.node, countingYields: true),
      let reason = LoopAnalysis(model: model).unboundedness(of: loop, body: body)
    else { return }
    candidates.append((loop, body, reason))
  }

  public mutating func finish(in context: RuleContext) {
    for (loop, body, reason) in candidates
    where !context.fixAddsAwaitPoint(in: loop.condition) && !context.fixAddsAwaitPoint(in: body.node) {
      let keyword = loop.node.firstToken
      let header = "`while \(Self.shortText(of: loop.condition))`"
      let message: String
      switch reason {
      case .alwaysTrue: message = "\(header) loop never awaits, blocking the event loop"
      case .busyWait: message = "\(header) busy-waits without awaiting, blocking the event loop"
      }
      context.report(
        Self.description, message: message, range: context.tree.tokens.textRange(keyword),
        fixes: Self.fix(for: body, in: context).map { [$0] } ?? [])
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

  /// The condition on one line, cut to 40 characters.
  static func shortText(of condition: SyntaxNode) -> String {
    var text = ""
    var previousEnd: UInt32?
    let tokens = condition.tree.tokens
    for token in condition.firstToken..<condition.endToken where !tokens.kinds[Int(token)].isLayout {
      if let previousEnd, previousEnd < tokens.textStarts[Int(token)] { text += " " }
      text += condition.tree.tokenText(token)
      previousEnd = tokens.textEnds[Int(token)]
    }
    return text.count > 40 ? String(text.prefix(39)) + "…" : text
  }
}
