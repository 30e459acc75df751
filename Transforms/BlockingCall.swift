import Engine
import PythonSyntax
import Semantics

/// AF109 blocking-call: a long synchronous call in a coroutine (a camera frame, a socket read, an
/// HTTP request, a subprocess) stops every task until it returns.
///
/// The calls are AF109's list (`BlockingCallTable`, changed by `blocking-calls` in the
/// configuration), matched through every import form and alias, and for methods through the
/// call that made the receiver (`cam = csi.CSI()` … `cam.snapshot()`; `self.sock` set in
/// `__init__`). There is no mechanical fix: each finding carries the entry's display-only
/// advice, for the file's dialect. AF102's sleeps are AF102's alone.
public struct BlockingCall: Rule {
  public init() {}

  /// It reports only inside an `async def`.
  public static func mayReport(in model: SemanticModel) -> Bool { model.hasCoroutine }

  public mutating func visit(_ node: SyntaxNode, in context: RuleContext) {
    let model = context.model
    guard let call = CallSyntax(node), model.enclosingCoroutine(of: node) != nil, !model.isInAnnotation(node),
      let entry = context.blockingCall(call)
    else { return }
    let written = call.callee.compactText
    let shown = written == entry.displayName ? "" : " (\(entry.displayName))"
    context.report(
      Self.description, message: "\(written)()\(shown) blocks the event loop inside a coroutine",
      range: node.textRange, fixes: [.displayOnly(entry.advice(for: context.dialect))])
  }
}
