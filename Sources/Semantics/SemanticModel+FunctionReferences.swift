import PythonSyntax

/// Which functions of the module an expression stands for when it is used as a callable: a
/// callback passed to a registration (`pin.irq(on_edge)`), or a call's callee (`helper()`).
extension SemanticModel {
  static let partialFunctions: QualifiedNameSet = ["functools.partial"]

  /// The defs and lambdas of this file that `expression` may name as a callable value:
  /// - a lambda: itself;
  /// - a name bound by `def` (every such binding that may be in effect), or assigned one of
  ///   these forms (`handler = self._isr`);
  /// - `self.m` / `cls.m` in a method: the class's method `m`; `C.m` for a class `C` of the file;
  ///   `obj.m` for a name `obj` bound to `C(…)` (`origins(of:)`), a bound method;
  /// - `functools.partial(f, …)` (any import form): what `f` names.
  ///
  /// Empty when the expression is anything else (a parameter, an import, a call's result): the
  /// function is then not in this file, or not knowable without running it.
  public func functions(referencedBy expression: SyntaxNode) -> [SyntaxNode] {
    functions(referencedBy: expression, depth: 0)
  }

  /// Assignments followed (`a = b`, `b = c`) before giving up: guards `h = h` cycles.
  private static let aliasDepthLimit = 4

  private func functions(referencedBy expression: SyntaxNode, depth: Int) -> [SyntaxNode] {
    let node = expression.unparenthesized
    switch node.kind {
    case .lambda:
      return [node]
    case .name:
      var result: [SyntaxNode] = []
      for binding in resolve(node).bindings {
        switch binding.kind {
        case .function:
          result.append(binding.node)
        case .assignment where depth < Self.aliasDepthLimit:
          if let value = binding.assignedValue { result += functions(referencedBy: value, depth: depth + 1) }
        default:
          continue
        }
      }
      return result
    case .attribute:
      guard let attribute = AttributeSyntax(node), let name = attribute.name else { return [] }
      if let method = method(referencedBy: attribute) { return [method.node] }
      if let owner = classDefinition(named: attribute.value), let method = method(named: name, in: owner) {
        return [method.node]
      }
      // A bound method of an object the file builds from its own class (`enc = Encoder(…)`,
      // `enc._isr`): followed for plain names only; `self.x.m` would ask for the origins of
      // `self.x` across the class on every call, for a rare pattern.
      guard attribute.value.unparenthesized.kind == .name else { return [] }
      var result: [SyntaxNode] = []
      for constructor in constructors(of: attribute.value) {
        if let owner = classDefinition(named: constructor.callee), let method = method(named: name, in: owner),
          !result.contains(method.node)
        {
          result.append(method.node)
        }
      }
      return result
    case .call:
      guard depth < Self.aliasDepthLimit, let call = CallSyntax(node), matches(call.callee, Self.partialFunctions),
        let wrapped = call.positionalArguments.first, !wrapped.isStarred
      else { return [] }
      return functions(referencedBy: wrapped.value, depth: depth + 1)
    default:
      return []
    }
  }

  /// The class of this file that `expression` (a `.name`) names, when its only binding in effect
  /// is a `class` statement.
  public func classDefinition(named expression: SyntaxNode) -> ClassDefSyntax? {
    let node = expression.unparenthesized
    guard node.kind == .name else { return nil }
    let bindings = resolve(node).bindings
    guard bindings.count == 1, let binding = bindings.first, binding.kind == .class else { return nil }
    return ClassDefSyntax(binding.node)
  }
}
