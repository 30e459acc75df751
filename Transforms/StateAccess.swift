import PythonSyntax
import Semantics

/// The state (`StatePath`s) an expression reads or a loop body writes, for `LoopAnalysis`.
struct StateAccess {
  let model: SemanticModel
  var paths: Set<StatePath> = []
  /// Names a condition binds with `:=` (a write the condition makes itself).
  var walrusTargets: Set<StatePath> = []
  /// Whether a plain function (not a read-only builtin) is called: it may change globals and
  /// shared objects.
  var callsUnknownCode = false

  init(model: SemanticModel) { self.model = model }

  /// Builtins that only read their arguments: passing state to them changes nothing.
  static let readOnlyBuiltins: Set<String> = [
    "abs", "all", "any", "ascii", "bin", "bool", "callable", "chr", "divmod", "format", "float", "getattr",
    "hasattr", "hash", "hex", "id", "int", "isinstance", "issubclass", "len", "max", "min", "oct", "ord", "pow",
    "print", "repr", "round", "sorted", "str", "sum", "tuple", "type",
  ]

  // MARK: Reads

  /// Records every name and attribute chain `condition` reads, as whole chains (`self.ready`,
  /// not also `self`), leaving out walrus targets (recorded apart) and comprehension variables.
  mutating func collectReads(in condition: SyntaxNode) {
    forEachNode(in: condition) { access, node in
      switch node.kind {
      case .namedExpression:
        if let target = NamedExpressionSyntax(node)?.target, let path = StatePath(target) {
          access.walrusTargets.insert(path)
        }
      case .name, .attribute, .subscription:
        guard Self.isWholeChain(node), !Self.isWalrusTarget(node), let path = StatePath(node) else { break }
        if let root = path.root,
          access.model.resolve(root).bindings.contains(where: { $0.kind == .comprehensionTarget })
        {
          break
        }
        access.paths.insert(path)
      default:
        break
      }
      return true
    }
  }

  /// Whether `node` is not the value of an enclosing attribute or subscript (`self` in
  /// `self.ready` is part of a longer chain).
  private static func isWholeChain(_ node: SyntaxNode) -> Bool {
    guard let parent = node.parent, parent.kind == .attribute || parent.kind == .subscription else { return true }
    return parent.child(at: 0) != node
  }

  private static func isWalrusTarget(_ node: SyntaxNode) -> Bool {
    guard let parent = node.parent, parent.kind == .namedExpression else { return false }
    return parent.child(at: 0) == node
  }

  // MARK: Writes

  /// Records the state `body` changes (see `LoopAnalysis`), in the body's own code.
  mutating func collectWrites(in body: SyntaxNode) {
    forEachNode(in: body) { access, node in
      switch node.kind {
      case .functionDef, .asyncFunctionDef:
        if let name = FunctionDefSyntax(node)?.name { access.paths.insert(StatePath(name: name)) }
        return false
      case .classDef:
        if let name = ClassDefSyntax(node)?.name { access.paths.insert(StatePath(name: name)) }
        return false
      case .lambda:
        return false
      case .assignment:
        for target in AssignmentSyntax(node)?.targets ?? [] { access.addTarget(target) }
      case .annotatedAssignment:
        if let assignment = AnnotatedAssignmentSyntax(node), assignment.value != nil {
          access.addTarget(assignment.target)
        }
      case .augmentedAssignment:
        if let target = AugmentedAssignmentSyntax(node)?.target { access.addTarget(target) }
      case .forStatement, .asyncForStatement:
        if let target = ForSyntax(node)?.target { access.addTarget(target) }
      case .withItem:
        if let target = WithItemSyntax(node)?.target { access.addTarget(target) }
      case .namedExpression:
        if let target = NamedExpressionSyntax(node)?.target { access.addTarget(target) }
      case .deleteStatement:
        for target in DeleteSyntax(node)?.targets ?? [] { access.addTarget(target) }
      case .exceptClause:
        if let name = ExceptClauseSyntax(node)?.name { access.paths.insert(StatePath(name: name)) }
      case .call:
        if let call = CallSyntax(node) { access.addCall(call) }
      default:
        break
      }
      return true
    }
  }

  /// A target of an assignment, `for`, `with`, `del`: each name, attribute or item it writes.
  private mutating func addTarget(_ target: SyntaxNode) {
    for node in target.targetLeaves {
      if let path = StatePath(node) { paths.insert(path) }
    }
  }

  /// A method call changes its receiver; any call but a read-only builtin changes the paths
  /// passed to it; a call of anything but a method or a read-only builtin may change globals.
  private mutating func addCall(_ call: CallSyntax) {
    let callee = call.callee.unparenthesized
    switch callee.kind {
    case .attribute:
      if let receiver = AttributeSyntax(callee)?.value, let path = StatePath(receiver) { paths.insert(path) }
    case .name:
      if case .builtin(let name) = model.resolve(callee), Self.readOnlyBuiltins.contains(name) { return }
      callsUnknownCode = true
    default:
      callsUnknownCode = true
    }
    for argument in call.arguments {
      if let path = StatePath(argument.value) { paths.insert(path) }
    }
  }

  /// Calls `body` with each node of `root`'s subtree in pre-order (`root` first); when `body`
  /// returns false, the node's subtree is skipped.
  private mutating func forEachNode(in root: SyntaxNode, _ body: (inout StateAccess, SyntaxNode) -> Bool) {
    let tree = root.tree
    var index = root.index
    let end = root.index + root.subtreeSize
    while index < end {
      let node = tree.node(index)
      index += body(&self, node) ? 1 : node.subtreeSize
    }
  }
}
