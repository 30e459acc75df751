import PythonSyntax

extension SemanticModel {
  /// Whether `node` sits inside an annotation: a parameter's (`def f(x: <here>)`), a return
  /// annotation (`-> <here>`) or an annotated assignment's (`x: <here> = 0`). A local's
  /// annotation never runs; a nested def's runs in the body around it only before Python 3.14
  /// (PEP 649 makes annotations lazy, and `from __future__ import annotations` never runs them),
  /// so an `await` put there would be right for some versions only. Rules about what a body runs
  /// skip them.
  public func isInAnnotation(_ node: SyntaxNode) -> Bool {
    var child = node
    while let parent = child.parent {
      switch parent.kind {
      case .parameter:
        // A parameter's only child is its annotation (the default is a sibling).
        return true
      case .annotatedAssignment:
        if AnnotatedAssignmentSyntax(parent)?.annotation == child { return true }
      case .functionDef, .asyncFunctionDef:
        if FunctionDefSyntax(parent)?.returns == child { return true }
      default:
        break
      }
      child = parent
    }
    return false
  }
}
