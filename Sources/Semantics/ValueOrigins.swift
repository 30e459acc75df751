import PythonSyntax

/// Where a stored value came from: the call whose result was assigned to a name or attribute.
///
/// Receivers are rarely annotated in MicroPython code, but they are almost always made by a
/// call a few lines up (`ev = asyncio.Event()`, `self.lock = asyncio.Lock()`,
/// `reader, writer = await asyncio.open_connection(…)`, `cam = csi.CSI()`). Rules that need to
/// know what `x.wait()` or `cam.snapshot()` is ask for the origins of the receiver and match the
/// constructing call's qualified name: an inference (the name may be rebound elsewhere, the
/// attribute set from outside the class), which is why fixes that rest on it are unsafe.
public struct ValueOrigin: Hashable, Sendable {
  /// The call whose result (or awaited result) was stored.
  public let call: CallSyntax
  /// The qualified names of the call's callee (`qualifiedNames(of:)`, not canonicalised): empty
  /// when the callee is not reached through an import (a local class, a method of a local).
  public let callee: [QualifiedName]
  /// `x = await f()`: the value is the awaited result, not the call's.
  public let isAwaited: Bool
  /// The position in a tuple or list target the value was unpacked to (`reader, writer = …`
  /// gives 0 and 1), or `nil` when the whole result was stored.
  public let element: Int?
  /// The node assigned to: a `.name` or an `.attribute`.
  public let target: SyntaxNode

  /// The origin as a name to put in a `QualifiedNameSet`: the callee's canonical name, with the
  /// element appended as a component when the result was unpacked (`asyncio.open_connection.1`
  /// for the writer). One per qualified name of the callee.
  public var typeNames: [QualifiedName] {
    callee.map { name in element.map { name.canonical.appending(String($0)) } ?? name.canonical }
  }
}

extension SemanticModel {
  /// The calls whose results `expression` may hold, in source order of their assignments.
  ///
  /// `expression` is a `.name` (every binding that may reach it, through closures and `global`
  /// too) or an attribute `base.attr` where `base` is a method's `self` (every `self.attr = …` in
  /// the methods of the class, and `attr = …` in its body) or names a class of this file (its
  /// body's `attr = …`). Values that are not calls (`x = y`, `for x in …`, parameters) give no
  /// origin; ask `storedValues(of:)` to see them too.
  public func origins(of expression: SyntaxNode) -> [ValueOrigin] {
    storedValues(of: expression).compactMap(origin(of:))
  }

  /// The first origin of `expression` whose type name (`ValueOrigin.typeNames`) is in `names`.
  public func matchOrigin(of expression: SyntaxNode, in names: QualifiedNameSet) -> ValueOrigin? {
    origins(of: expression).first { origin in origin.typeNames.contains { names.contains($0) } }
  }

  /// The qualified names a method call's callee `receiver.method` may stand for through the
  /// receiver's origins: `ev.wait` after `ev = asyncio.Event()` gives `asyncio.Event.wait`;
  /// `writer.drain` after `reader, writer = await asyncio.open_connection()` gives
  /// `asyncio.open_connection.1.drain`. Empty when `callee` is not an attribute.
  public func inferredNames(ofMember callee: SyntaxNode) -> [QualifiedName] {
    guard let attribute = AttributeSyntax(callee.unparenthesized), let method = attribute.name else { return [] }
    var result: [QualifiedName] = []
    for origin in origins(of: attribute.value.unparenthesized) {
      for name in origin.typeNames where !result.contains(name.appending(method)) {
        result.append(name.appending(method))
      }
    }
    return result
  }

  /// Every assignment that may have stored the value `expression` reads (see `origins(of:)` for
  /// which expressions are followed), whatever the value.
  public func storedValues(of expression: SyntaxNode) -> [StoredValue] {
    let node = expression.unparenthesized
    switch node.kind {
    case .name:
      return resolve(node).bindings.compactMap { binding in
        binding.kind.givesValue ? StoredValue(target: binding.node) : nil
      }
    case .attribute:
      guard let attribute = AttributeSyntax(node), let name = attribute.name else { return [] }
      return attributeStores(name, of: attribute.value.unparenthesized).compactMap(StoredValue.init(target:))
    default:
      return []
    }
  }

  /// Every place that reads or writes the storage `expression` names: the `.name` nodes bound
  /// to the same bindings, or the `self.attr` attributes of the same class (in any method) and
  /// the class body's `attr`. What a rule needs to ask "who else waits on this event", "does
  /// it escape": the uses, not only the stores.
  public func references(toStorageOf expression: SyntaxNode) -> [SyntaxNode] {
    let node = expression.unparenthesized
    switch node.kind {
    case .name:
      let bindings = Set(resolve(node).bindings)
      if bindings.isEmpty { return [] }
      let name = node.text
      return tree.root.descendantsAndSelf.filter { candidate in
        candidate.kind == .name && candidate.text == name && !Set(resolve(candidate).bindings).isDisjoint(with: bindings)
      }
    case .attribute:
      guard let attribute = AttributeSyntax(node), let name = attribute.name,
        let owner = attributeOwner(attribute.value.unparenthesized)
      else { return [] }
      return attributeNodes(name, in: owner)
    default:
      return []
    }
  }

  // MARK: Instances and classes

  /// The class whose instance `name` is when it is a method's first parameter (`self`), or
  /// whose class it is in a `@classmethod` (`cls`).
  public func instanceClass(of name: SyntaxNode) -> ClassDefSyntax? {
    guard name.kind == .name, let binding = resolve(name).bindings.last, binding.kind == .parameter,
      let parameters = binding.node.parent, let function = parameters.parent.flatMap(FunctionDefSyntax.init),
      let first = ParametersSyntax(parameters)?.parameters.first, first.node == binding.node,
      first.kind == .positionalOnly || first.kind == .regular,
      !function.decorators.contains(where: { $0.expression.text == "staticmethod" })
    else { return nil }
    return enclosingClass(ofMethod: function.node)
  }

  /// The class `method` is defined in directly (its body, not a nested function).
  public func enclosingClass(ofMethod method: SyntaxNode) -> ClassDefSyntax? {
    guard let block = method.parent, block.kind == .block, let owner = block.parent else { return nil }
    return ClassDefSyntax(owner)
  }

  /// The class (or the instances of which class) `base` stands for in `base.attr`.
  private func attributeOwner(_ base: SyntaxNode) -> ClassDefSyntax? {
    if let owner = instanceClass(of: base) { return owner }
    guard base.kind == .name, let binding = resolve(base).bindings.last, binding.kind == .class else { return nil }
    return ClassDefSyntax(binding.node)
  }

  /// The targets that store `attr` on `base`'s class or instances.
  private func attributeStores(_ attr: String, of base: SyntaxNode) -> [SyntaxNode] {
    guard let owner = attributeOwner(base) else { return [] }
    return attributeNodes(attr, in: owner).filter { isAssignmentTarget($0) }
  }

  /// The nodes of class `owner` that name its attribute `attr`: `self.attr` in its methods (and
  /// functions nested in them), `attr` bound directly in its body.
  private func attributeNodes(_ attr: String, in owner: ClassDefSyntax) -> [SyntaxNode] {
    guard let body = owner.body?.node else { return [] }
    var result: [SyntaxNode] = []
    for node in body.descendantsAndSelf {
      switch node.kind {
      case .attribute:
        guard let attribute = AttributeSyntax(node), attribute.name == attr,
          let ownerOfBase = instanceClass(of: attribute.value.unparenthesized), ownerOfBase == owner
        else { continue }
        result.append(node)
      case .name:
        guard node.text == attr, scope(of: node).node == owner.node else { continue }
        result.append(node)
      default:
        continue
      }
    }
    return result
  }

  private func isAssignmentTarget(_ node: SyntaxNode) -> Bool { StoredValue(target: node) != nil }

  /// The constructing call of `stored`, when its value is a call or an awaited call.
  public func origin(of stored: StoredValue) -> ValueOrigin? {
    guard var node = stored.value?.unparenthesized else { return nil }
    var awaited = false
    if let awaitExpression = AwaitSyntax(node) {
      awaited = true
      node = awaitExpression.operand.unparenthesized
    }
    guard let call = CallSyntax(node) else { return nil }
    return ValueOrigin(
      call: call, callee: qualifiedNames(of: call.callee), isAwaited: awaited, element: stored.element,
      target: stored.target)
  }
}

/// One store into a name or attribute: the target and, when the statement shows it, the value.
public struct StoredValue: Hashable, Sendable {
  /// The `.name` or `.attribute` assigned to (for a binding that is not an assignment, such as
  /// a parameter or `for` target, its binding node).
  public let target: SyntaxNode
  /// The expression whose value was stored; `nil` when the store does not show one (a `for`
  /// target, a parameter, an import, a tuple target unpacked from something that is not a call).
  public let value: SyntaxNode?
  /// The position in the tuple or list target the value was unpacked from, when `value` is the
  /// whole right-hand side.
  public let element: Int?

  /// The store made by `target`, or `nil` when `target` is not assigned to: an assignment (also
  /// chained and annotated ones, tuple and list targets), a walrus, or another binding node
  /// (parameters, `for` and `with` targets, imports, defs) without a value.
  init?(target: SyntaxNode) {
    self.target = target
    var child = target
    var element: Int? = nil
    var parent = target.parent
    // Climb out of a tuple or list target (`a, b = …`, `[a, b] = …`, `(a, b) = …`).
    while let container = parent, container.kind == .tuple || container.kind == .list || container.kind == .parenthesized {
      if container.kind != .parenthesized {
        guard element == nil, !container.children.contains(where: { $0.kind == .starred }) else { return nil }
        element = container.children.enumerated().first { $0.element == child }?.offset
      }
      child = container
      parent = container.parent
    }
    guard let statement = parent else { return nil }
    var value: SyntaxNode?
    switch statement.kind {
    case .assignment:
      guard let assignment = AssignmentSyntax(statement), assignment.value != child else { return nil }
      value = assignment.value
    case .annotatedAssignment:
      guard let assignment = AnnotatedAssignmentSyntax(statement), assignment.target == child else { return nil }
      value = assignment.value
    case .namedExpression:
      guard let walrus = NamedExpressionSyntax(statement), walrus.target == child else { return nil }
      value = walrus.value
    default:
      guard target.kind != .attribute else { return nil }
      value = nil
    }
    // `a, b = x, y`: the element's own expression, not the whole tuple.
    if let index = element, let whole = value?.unparenthesized, whole.kind == .tuple || whole.kind == .list {
      let elements = Array(whole.children)
      guard elements.count > index, !elements.contains(where: { $0.kind == .starred }) else { return nil }
      value = elements[index]
      element = nil
    }
    self.value = value
    self.element = element
  }

}
