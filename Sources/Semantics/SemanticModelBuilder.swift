import PythonSyntax

/// The single pass that builds a `SemanticModel`: walks the nodes in pre-order, gives each its
/// scope, opens scopes and records bindings, imports and declarations as it meets them; then
/// links each name's bindings per scope and applies `global`/`nonlocal`.
///
/// A node's scope is its parent's unless the parent, when visited, assigned it another (a
/// def puts its body in its own scope and leaves its decorators outside), so the pass needs no
/// stack and no recursion, whatever the nesting depth.
struct SemanticModelBuilder {
  let tree: SyntaxTree
  let kinds: [NodeKind]
  let parents: [UInt32]
  let sizes: [UInt32]
  let firstTokens: [UInt32]
  let endTokens: [UInt32]
  let tokenKinds: [TokenKind]
  let tokenStarts: [UInt32]
  let tokenEnds: [UInt32]

  /// Written for every node in the hot loop, so kept in memory of its own (see `NodeColumn`).
  let nodeScopes: NodeColumn
  var scopeKinds: [ScopeKind] = []
  var scopeNodes: [UInt32] = []
  var scopeParents: [UInt32] = []
  var scopeOwners: [UInt32] = []
  var scopeFlags: [ScopeFlags] = []

  var bindingSymbols: [UInt32] = []
  var bindingScopes: [UInt32] = []
  var bindingKinds: [BindingKind] = []
  var bindingNodes: [UInt32] = []
  var bindingTokens: [UInt32] = []
  var bindingNext: [UInt32] = []

  var declarations: [(scope: UInt32, symbol: UInt32, kind: ScopedNameTable.Declaration)] = []
  var identifiers: IdentifierTable
  var names: ScopedNameTable
  var imports: [ImportRecord] = []

  /// Whether a name or attribute token spells `sleep_ms` or `ThreadSafeFlag`
  /// (`DialectEvidence.micropythonNames`): without one, only imports can mark the file as
  /// MicroPython, and `micropythonEvidence` need not walk the tree.
  var spellsMicroPythonName = false
  private let micropythonNames = DialectEvidence.micropythonNameSet

  /// The module (with its level) of the `from … import` whose aliases are being visited.
  var fromModule = QualifiedName(components: [])

  static let unassigned = UInt32.max

  init(tree: SyntaxTree) {
    self.tree = tree
    kinds = tree.nodeKinds
    parents = tree.nodeParents
    sizes = tree.nodeSubtreeSizes
    firstTokens = tree.nodeFirstTokens
    endTokens = tree.nodeEndTokens
    tokenKinds = tree.tokens.kinds
    tokenStarts = tree.tokens.textStarts
    tokenEnds = tree.tokens.textEnds
    nodeScopes = NodeColumn(count: tree.nodeCount, repeating: Self.unassigned)
    // About one distinct bound name per 16 tokens, one binding per 8 nodes in typical code.
    identifiers = IdentifierTable(expectedCount: tree.tokens.count / 16)
    names = ScopedNameTable(expectedCount: tree.tokens.count / 12)
    let expectedBindings = tree.nodeCount / 8
    bindingSymbols.reserveCapacity(expectedBindings)
    bindingScopes.reserveCapacity(expectedBindings)
    bindingKinds.reserveCapacity(expectedBindings)
    bindingNodes.reserveCapacity(expectedBindings)
    bindingTokens.reserveCapacity(expectedBindings)
  }

  mutating func build() {
    guard !kinds.isEmpty else { return }
    let bytes = tree.source.bytes
    bytes.withUnsafeBufferPointer { source in visitNodes(source) }
    linkBindings()
    applyDeclarations()
  }

  // MARK: The pass

  private mutating func visitNodes(_ source: UnsafeBufferPointer<UInt8>) {
    _ = openScope(.module, node: 0, parent: .max)
    nodeScopes[0] = 0
    let count = kinds.count
    var index = 1
    while index < count {
      if nodeScopes[index] == Self.unassigned { nodeScopes[index] = nodeScopes[Int(parents[index])] }
      let node = UInt32(index)
      switch kinds[index] {
      case .name:
        noteSpelling(firstTokens[index], source)
        visitName(node, source)
      case .attribute:
        let last = endTokens[index] &- 1
        if last < endTokens[index], tokenKinds[Int(last)] == .name { noteSpelling(last, source) }
      case .functionDef, .asyncFunctionDef: visitFunction(node, source)
      case .classDef: visitClass(node, source)
      case .lambda: visitLambda(node)
      case .listComprehension, .setComprehension, .dictionaryComprehension, .generatorExpression:
        visitComprehension(node)
      case .typeAlias: visitTypeAlias(node)
      case .parameter:
        if tokenKinds[Int(firstTokens[index])] == .name {
          bind(.parameter, node: node, token: firstTokens[index], source)
        }
      case .importFromStatement:
        let statement = ImportFromSyntax(tree.node(node))!
        fromModule = QualifiedName(
          components: statement.moduleNameNode.map(dottedComponents) ?? [], relativeLevel: statement.relativeLevel)
      case .importAlias: visitImportAlias(node, source)
      case .exceptClause:
        if let token = ExceptClauseSyntax(tree.node(node))?.nameToken {
          bind(.exceptHandler, node: node, token: token, source)
        }
      case .matchAs, .matchStar, .mappingPatternEntry: visitPatternCapture(node, source)
      case .typeVar, .typeVarTuple, .paramSpec:
        if let token = TypeParameterSyntax(tree.node(node))?.nameToken {
          bind(.typeParameter, node: node, token: token, source)
        }
      case .globalStatement: declare(.global, node, source)
      case .nonlocalStatement: declare(.nonlocal, node, source)
      case .yieldExpression, .yieldFromExpression: flagOwner(of: node, .containsYield)
      case .awaitExpression, .asyncForStatement, .asyncWithStatement: flagOwner(of: node, .containsAwait)
      case .comprehensionClause:
        if tokenKinds[Int(firstTokens[index])] == .asyncKeyword { flagOwner(of: node, .containsAwait) }
      default: break
      }
      index += 1
    }
  }

  private mutating func noteSpelling(_ token: UInt32, _ source: UnsafeBufferPointer<UInt8>) {
    let start = Int(tokenStarts[Int(token)])
    let end = Int(tokenEnds[Int(token)])
    if spellsMicroPythonName || !micropythonNames.mayContain(length: end - start) { return }
    spellsMicroPythonName = micropythonNames.contains(UnsafeBufferPointer(rebasing: source[start..<end]))
  }

  // MARK: Scopes

  /// A column of one `UInt32` per node that the builder writes in place: an array in a struct
  /// would check its uniqueness on every write. `takeArray()` hands the values over and frees it.
  struct NodeColumn {
    private let storage: UnsafeMutableBufferPointer<UInt32>

    init(count: Int, repeating value: UInt32) {
      storage = .allocate(capacity: count)
      storage.initialize(repeating: value)
    }

    subscript(index: Int) -> UInt32 {
      get { storage[index] }
      nonmutating set { storage[index] = newValue }
    }

    func takeArray() -> [UInt32] {
      defer { storage.deallocate() }
      return Array(storage)
    }
  }

  /// Opens a scope for `node` and returns its number.
  private mutating func openScope(_ kind: ScopeKind, node: UInt32, parent: UInt32) -> UInt32 {
    let scope = UInt32(scopeKinds.count)
    scopeKinds.append(kind)
    scopeNodes.append(node)
    scopeParents.append(parent)
    scopeOwners.append(kind == .comprehension ? scopeOwners[Int(parent)] : scope)
    scopeFlags.append([])
    return scope
  }

  private mutating func flagOwner(of node: UInt32, _ flag: ScopeFlags) {
    let owner = Int(scopeOwners[Int(nodeScopes[Int(node)])])
    scopeFlags[owner].insert(flag)
  }

  /// `[decorators] [async] def name[T](parameters) -> returns: body`: the name binds outside;
  /// decorators and defaults are evaluated outside; type parameters get an annotation scope that
  /// also holds the annotations; parameters and body are the function's.
  private mutating func visitFunction(_ node: UInt32, _ source: UnsafeBufferPointer<UInt8>) {
    let outer = nodeScopes[Int(node)]
    let function = openScope(.function, node: node, parent: outer)
    let annotations = openTypeParameterScope(of: node, outer: outer, inner: function)
    forEachChild(of: node) { builder, child in
      switch builder.kinds[Int(child)] {
      case .decorator, .typeParameters: break
      case .parameters: builder.assignParameters(child, to: function, annotations: annotations)
      case .block: builder.nodeScopes[Int(child)] = function
      default: builder.nodeScopes[Int(child)] = annotations
      }
    }
    if let token = FunctionDefSyntax(tree.node(node))?.nameToken { bind(.function, node: node, token: token, source) }
  }

  /// `[decorators] class name[T](bases): body`: bases are evaluated outside (in the type-parameter
  /// scope when there is one), the body in the class's scope.
  private mutating func visitClass(_ node: UInt32, _ source: UnsafeBufferPointer<UInt8>) {
    let outer = nodeScopes[Int(node)]
    let body = openScope(.class, node: node, parent: outer)
    let annotations = openTypeParameterScope(of: node, outer: outer, inner: body)
    forEachChild(of: node) { builder, child in
      switch builder.kinds[Int(child)] {
      case .decorator, .typeParameters: break
      case .block: builder.nodeScopes[Int(child)] = body
      default: builder.nodeScopes[Int(child)] = annotations
      }
    }
    if let token = ClassDefSyntax(tree.node(node))?.nameToken { bind(.class, node: node, token: token, source) }
  }

  /// Opens the annotation scope of a generic def or class (between `outer` and `inner`) and
  /// returns it; returns `outer` when there are no type parameters.
  private mutating func openTypeParameterScope(of node: UInt32, outer: UInt32, inner: UInt32) -> UInt32 {
    var annotations = outer
    forEachChild(of: node) { builder, child in
      guard builder.kinds[Int(child)] == .typeParameters else { return }
      annotations = builder.openScope(.annotation, node: child, parent: outer)
      builder.scopeParents[Int(inner)] = annotations
      builder.nodeScopes[Int(child)] = annotations
    }
    return annotations
  }

  /// The `.parameter`s of a def or lambda belong to its scope, their annotations to
  /// `annotations`; defaults keep the enclosing scope of the `.parameters` node.
  private mutating func assignParameters(_ parameters: UInt32, to scope: UInt32, annotations: UInt32) {
    forEachChild(of: parameters) { builder, child in
      guard builder.kinds[Int(child)] == .parameter else { return }
      builder.nodeScopes[Int(child)] = scope
      builder.forEachChild(of: child) { builder, annotation in builder.nodeScopes[Int(annotation)] = annotations }
    }
  }

  private mutating func visitLambda(_ node: UInt32) {
    let outer = nodeScopes[Int(node)]
    let lambda = openScope(.lambda, node: node, parent: outer)
    forEachChild(of: node) { builder, child in
      if builder.kinds[Int(child)] == .parameters {
        builder.assignParameters(child, to: lambda, annotations: outer)
      } else {
        builder.nodeScopes[Int(child)] = lambda
      }
    }
  }

  /// Everything in a comprehension is its own, except the first clause's iterable, which is
  /// evaluated before the comprehension's scope exists.
  private mutating func visitComprehension(_ node: UInt32) {
    let outer = nodeScopes[Int(node)]
    let comprehension = openScope(.comprehension, node: node, parent: outer)
    var sawClause = false
    forEachChild(of: node) { builder, child in
      builder.nodeScopes[Int(child)] = comprehension
      guard builder.kinds[Int(child)] == .comprehensionClause, !sawClause else { return }
      sawClause = true
      let target = child + 1
      let iterable = target + builder.sizes[Int(target)]
      if target < child + builder.sizes[Int(child)] && iterable < child + builder.sizes[Int(child)] {
        builder.nodeScopes[Int(iterable)] = outer
      }
    }
  }

  /// `type Name[T] = value`: the name binds outside; parameters and value live in an annotation
  /// scope (the value is evaluated lazily, inside it).
  private mutating func visitTypeAlias(_ node: UInt32) {
    let outer = nodeScopes[Int(node)]
    let annotations = openScope(.annotation, node: node, parent: outer)
    forEachChild(of: node) { builder, child in
      if child != node + 1 { builder.nodeScopes[Int(child)] = annotations }
    }
  }

  /// Calls `body` with each direct child of `node`.
  private mutating func forEachChild(of node: UInt32, _ body: (inout SemanticModelBuilder, UInt32) -> Void) {
    var child = node + 1
    let end = node + sizes[Int(node)]
    while child < end {
      body(&self, child)
      child += sizes[Int(child)]
    }
  }
}
