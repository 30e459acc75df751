import PythonSyntax

extension SemanticModel {
  /// The calls that may have built the object `receiver` evaluates to: the call itself when the
  /// receiver is one (`pyb.Switch().callback(f)`), else the constructions `origins(of:)` finds
  /// for a name or `self.attr` (awaited calls excluded: they give the coroutine's result, not
  /// the callee's instance). Empty when nothing is known.
  public func constructors(of receiver: SyntaxNode) -> [CallSyntax] {
    let node = receiver.unparenthesized
    if let call = CallSyntax(node) { return [call] }
    return origins(of: node).compactMap { $0.isAwaited || $0.element != nil ? nil : $0.call }
  }
}
