import PythonSyntax
import Semantics

/// How AF105 and AF108 name a registered callback (or the coroutine a run sits in) in their
/// messages: "interrupt handler `Encoder._isr` (registered with `irq()` at line 12)".
enum CallbackDescription {
  /// `name` for a def, `Class.name` for a method, `lambda` for a lambda.
  static func name(of function: SyntaxNode, in model: SemanticModel) -> String {
    guard let definition = FunctionDefSyntax(function), let name = definition.name else { return "lambda" }
    if let owner = model.enclosingClass(ofMethod: function), let className = owner.name {
      return "\(className).\(name)"
    }
    return name
  }

  /// What a callback running in `context` is called.
  static func role(_ context: CallbackContext) -> String {
    switch context {
    case .interrupt: "interrupt handler"
    case .scheduler: "scheduled callback"
    case .thread: "thread function"
    }
  }

  /// "interrupt handler `on_press` (registered with `irq()` at line 16)"; a lambda reads
  /// "interrupt handler (a lambda registered with …)"; without a handler of the file (a method
  /// of another object passed as the callback), "a thread function (started with …)".
  static func phrase(_ registration: InterruptRegistration, handler: SyntaxNode?, in model: SemanticModel) -> String {
    let line = model.tree.source.line(of: registration.call.node.textRange.lowerBound)
    let how = registration.context == .thread ? "started with" : "registered with"
    let role = role(registration.context)
    guard let handler else {
      let article = registration.context == .interrupt ? "an" : "a"
      return "\(article) \(role) (\(how) `\(registration.registrar)` at line \(line))"
    }
    if handler.kind == .lambda { return "\(role) (a lambda \(how) `\(registration.registrar)` at line \(line))" }
    return "\(role) `\(name(of: handler, in: model))` (\(how) `\(registration.registrar)` at line \(line))"
  }

  /// ", through `a` → `B.c`": the functions a call path enters, the last being where the
  /// reported code is; empty for an empty path.
  static func through(_ path: [CallEdge], in model: SemanticModel) -> String {
    if path.isEmpty { return "" }
    return ", through " + path.map { "`\(name(of: $0.callee, in: model))`" }.joined(separator: " → ")
  }

  /// 1-based line of `node`'s first byte.
  static func line(of node: SyntaxNode) -> Int { node.tree.source.line(of: node.textRange.lowerBound) }
}
