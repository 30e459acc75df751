import PythonSyntax

/// The binding forms: which `.name` nodes are targets, and the bindings made by tokens
/// (def and class names, parameters, imports, `except … as`, pattern captures, type parameters).
extension SemanticModelBuilder {
  /// Records a binding of the name spelled by `token`, in `scope` (default: the node's).
  mutating func bind(
    _ kind: BindingKind, node: UInt32, token: UInt32, _ source: UnsafeBufferPointer<UInt8>, scope: UInt32? = nil
  ) {
    let range = tree.tokens.textStarts[Int(token)]..<tree.tokens.textEnds[Int(token)]
    bindingSymbols.append(identifiers.intern(range, in: source))
    bindingScopes.append(scope ?? nodeScopes[Int(node)])
    bindingKinds.append(kind)
    bindingNodes.append(node)
    bindingTokens.append(token)
  }

  /// A `.name` binds when it is a target: of an assignment (not the value), an augmented or
  /// annotated assignment, a `for`, a `with … as`, a comprehension clause, a walrus, a `del`, a
  /// `type` statement — directly or inside tuples, lists, starred and parenthesized targets.
  mutating func visitName(_ node: UInt32, _ source: UnsafeBufferPointer<UInt8>) {
    guard let kind = Self.targetKind(of: node, kinds: kinds, parents: parents, sizes: sizes) else { return }
    var scope = nodeScopes[Int(node)]
    if kind == .walrus {
      // PEP 572: a walrus in a comprehension binds in the enclosing function or module.
      while scopeKinds[Int(scope)] == .comprehension { scope = scopeParents[Int(scope)] }
    }
    bind(kind, node: node, token: firstTokens[Int(node)], source, scope: scope)
  }

  /// How `.name` node `node` is bound, or `nil` when it is only read.
  ///
  /// Static, with the columns it reads as arguments: a method of the builder called from its
  /// mutating `visitName` made Swift copy the whole builder (360 bytes) for every name.
  static func targetKind(of node: UInt32, kinds: [NodeKind], parents: [UInt32], sizes: [UInt32]) -> BindingKind? {
    var target = node
    var parent = parents[Int(node)]
    while parent != .max {
      switch kinds[Int(parent)] {
      case .tuple, .list, .starred, .parenthesized:
        target = parent
        parent = parents[Int(parent)]
        continue
      default: break
      }
      break
    }
    guard parent != .max else { return nil }
    let isFirst = target == parent + 1
    switch kinds[Int(parent)] {
    case .assignment:
      return target + sizes[Int(target)] == parent + sizes[Int(parent)] ? nil : .assignment
    case .augmentedAssignment: return isFirst ? .augmentedAssignment : nil
    case .annotatedAssignment:
      guard isFirst else { return nil }
      let annotation = target + sizes[Int(target)]
      let hasValue =
        annotation < parent + sizes[Int(parent)]
        && annotation + sizes[Int(annotation)] < parent + sizes[Int(parent)]
      return hasValue ? .assignment : .annotation
    case .forStatement, .asyncForStatement: return isFirst ? .forTarget : nil
    case .withItem: return isFirst ? nil : .withTarget
    case .comprehensionClause: return isFirst ? .comprehensionTarget : nil
    case .namedExpression: return isFirst ? .walrus : nil
    case .deleteStatement: return .deletion
    case .typeAlias: return isFirst ? .typeAlias : nil
    default: return nil
    }
  }

  /// `import a.b as c` / `from m import x as y`: records the import, and binds unless it is a
  /// wildcard.
  mutating func visitImportAlias(_ node: UInt32, _ source: UnsafeBufferPointer<UInt8>) {
    let alias = ImportAliasSyntax(tree.node(node))!
    let isFrom = parents[Int(node)] != .max && kinds[Int(parents[Int(node)])] == .importFromStatement
    let first = firstTokens[Int(node)]
    let dotted = isFrom ? nil : alias.node.child(.dottedName)
    var token: UInt32? = alias.asNameToken ?? (isFrom ? first : dotted?.firstToken)
    if let candidate = token, candidate >= endTokens[Int(node)] || tokenKinds[Int(candidate)] != .name { token = nil }
    let name: String? = isFrom && first < endTokens[Int(node)] ? tree.tokenText(first) : nil
    imports.append(
      ImportRecord(
        node: alias.node, isFrom: isFrom,
        moduleName: isFrom ? fromModule : QualifiedName(components: dotted.map(dottedComponents) ?? []),
        name: name, asName: alias.asName, binding: token.map { _ in BindingID(UInt32(bindingKinds.count)) }))
    if let token { bind(.import, node: node, token: token, source) }
  }

  /// The names of a `.dottedName` (`a . b` gives `a`, `b`).
  func dottedComponents(_ dotted: SyntaxNode) -> [String] {
    (dotted.firstToken..<dotted.endToken).compactMap { tokenKinds[Int($0)] == .name ? tree.tokenText($0) : nil }
  }

  /// `case x`, `case … as x`, `case [*x]`, `case {**x}`; `_` captures nothing.
  mutating func visitPatternCapture(_ node: UInt32, _ source: UnsafeBufferPointer<UInt8>) {
    let first = firstTokens[Int(node)]
    let end = endTokens[Int(node)]
    var token: UInt32?
    switch kinds[Int(node)] {
    case .matchAs:
      if sizes[Int(node)] == 1 {
        token = first
      } else if end >= 2 && tokenKinds[Int(end - 2)] == .asKeyword {
        token = end - 1
      }
    case .matchStar:
      token = first + 1
    default:
      if tokenKinds[Int(first)] == .doubleStar { token = first + 1 }
    }
    guard let token, token < end, tokenKinds[Int(token)] == .name, !tree.token(token, is: "_") else { return }
    bind(.matchCapture, node: node, token: token, source)
  }

  /// `global a, b` / `nonlocal a, b` in the statement's scope.
  mutating func declare(
    _ kind: ScopedNameTable.Declaration, _ node: UInt32, _ source: UnsafeBufferPointer<UInt8>
  ) {
    let scope = nodeScopes[Int(node)]
    for token in firstTokens[Int(node)]..<endTokens[Int(node)] where tokenKinds[Int(token)] == .name {
      let range = tree.tokens.textStarts[Int(token)]..<tree.tokens.textEnds[Int(token)]
      declarations.append((scope, identifiers.intern(range, in: source), kind))
    }
  }
}
