import PythonSyntax

extension SemanticModel {
  /// Whether `node` sits inside an annotation: a parameter's (`def f(x: <here>)`), a return
  /// annotation (`-> <here>`) or an annotated assignment's (`x: <here> = 0`). Annotations are not
  /// run as part of the body around them (a local's annotation never; under PEP 563/649 none is
  /// evaluated there), and `await` is a syntax error in them, so rules about what a body runs
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
