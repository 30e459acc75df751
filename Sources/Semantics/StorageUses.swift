import PythonSyntax

/// How one reference to a stored object uses it: what a rule needs to decide whether the object
/// can change type (AF105 turns an `asyncio.Event` into a `ThreadSafeFlag` only when every use
/// is one a ThreadSafeFlag supports and the object does not leave the code the rule can see).
public struct StorageUse: Hashable, Sendable {
  public enum Kind: Hashable, Sendable {
    /// Assigned to (`ev = …`, `self.ev = …`, `del ev`, `global`-declared stores too).
    case store
    /// `ref.method(…)`: the method's name and the call.
    case methodCall(String, CallSyntax)
    /// `ref.attr` read or written other than as a call.
    case attribute(String)
    /// Passed as an argument (also `*ref`, `name=ref`) to a call.
    case passed(CallSyntax)
    /// Returned or yielded, or the body of a lambda: the caller gets it.
    case returned
    /// The value of an assignment to other storage, or an element of a tuple, list, set or dict.
    case stored
    /// Only looked at: compared, tested for truth, a bare expression statement.
    case inspected
    /// Any other use (an operand, a subscript, a format field, …): where the object goes is unknown.
    case other
  }

  /// The `.name` or `.attribute` that refers to the storage.
  public let reference: SyntaxNode
  public let kind: Kind
}

extension SemanticModel {
  /// Every reference to the storage `expression` names (`references(toStorageOf:)`: the same
  /// bindings of a name, or `self.attr` across the class), with how it is used, in source order.
  public func uses(ofStorage expression: SyntaxNode) -> [StorageUse] {
    references(toStorageOf: expression).map { StorageUse(reference: $0, kind: useKind(of: $0)) }
  }

  private func useKind(of reference: SyntaxNode) -> StorageUse.Kind {
    // A name is stored to where it makes a binding; `self.attr` where it is an assignment target.
    if reference.kind == .name ? binding(madeBy: reference)?.node == reference : StoredValue(target: reference) != nil {
      return .store
    }
    var child = reference
    var parent = reference.parent
    while let node = parent, node.kind == .parenthesized {
      child = node
      parent = node.parent
    }
    guard let parent else { return .other }
    switch parent.kind {
    case .attribute:
      guard let attribute = AttributeSyntax(parent), attribute.value == child, let name = attribute.name else {
        return .other
      }
      if let call = parent.parent.flatMap(CallSyntax.init), call.callee == parent { return .methodCall(name, call) }
      return .attribute(name)
    case .argumentList:
      return parent.parent.flatMap(CallSyntax.init).map { .passed($0) } ?? .other
    case .keywordArgument, .starred:
      guard let list = parent.parent, list.kind == .argumentList, let call = list.parent.flatMap(CallSyntax.init) else {
        return parent.kind == .starred ? .stored : .other
      }
      return .passed(call)
    case .returnStatement, .yieldExpression, .yieldFromExpression, .lambda:
      return .returned
    case .assignment, .annotatedAssignment, .augmentedAssignment, .namedExpression, .tuple, .list, .set,
      .dictionaryEntry:
      return .stored
    case .deleteStatement:
      return .store
    case .comparison, .boolOperation, .unaryOperation, .ifStatement, .elifClause, .whileStatement, .assertStatement,
      .expressionStatement:
      return .inspected
    default:
      return .other
    }
  }
}
