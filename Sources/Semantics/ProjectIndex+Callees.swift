import PythonSyntax

/// What a called function is, through the file's own bindings and the project index: the piece
/// AF101 needs to know that `send(…)`, `self.flush()`, `Client.connect(…)` or `net.send(…)`
/// makes a coroutine.
extension SemanticModel {
  /// The kind of function `callee` (the callee expression of a call) names, when it can be told
  /// for certain: a def of this file reached through its bindings (a local or parameter of the
  /// same name hides it), a method of the class of `self`/`cls` (the first parameter of a
  /// method) or of a class named directly (`Client.connect`), searched through bases, or of the
  /// bases through `super()` (`superclassesOwner`); or a
  /// function or method of another module of the project, reached through the file's imports
  /// (relative ones too) and the index's re-exports. `importer` is where the file lives
  /// (`ProjectIndex.modulePath(of:)`), for relative imports. `nil` when unknown — and for
  /// anything reached through the index or an imported base class that is no coroutine or
  /// generator function: those lookups are skipped for names the index holds no such function
  /// under (`ProjectIndex.mayDefineAwaitable`), the common case.
  public func calledFunctionKind(_ callee: SyntaxNode, index: ProjectIndex, importer: ModulePath) -> FunctionKind? {
    let node = callee.unparenthesized
    let path = importer
    switch node.kind {
    case .name:
      let bindings = resolve(node).bindings
      guard let first = bindings.first else { return nil }
      if first.kind == .function { return functionKind(of: bindings) }
      if bindings.allSatisfy({ $0.kind == .import }) { return kindThroughImports(node, index: index, path: path) }
      return nil
    case .attribute:
      guard let attribute = AttributeSyntax(node), let name = attribute.name else { return nil }
      let receiver = attribute.value.unparenthesized
      if let classNode = superclassesOwner(receiver) {
        if case .found(let kind) = methodLookup(name, inBasesOf: classNode, index: index, path: path, depth: 0) {
          return kind
        }
        return nil
      }
      if receiver.kind == .name, let classNode = classNamed(byReceiver: receiver) {
        if case .found(let kind) = methodLookup(name, inClass: classNode, index: index, path: path, depth: 0) {
          return kind
        }
        return nil
      }
      return kindThroughImports(node, index: index, path: path)
    default:
      return nil
    }
  }

  /// The kind every qualified name of `expression` has in the project, when they agree.
  private func kindThroughImports(_ expression: SyntaxNode, index: ProjectIndex, path: ModulePath) -> FunctionKind? {
    let names = qualifiedNames(of: expression)
    var result: FunctionKind?
    for name in names {
      // The last component is the function's own name (after any `as`): most imported callees
      // are no coroutine of the project, which the index's name set says before any lookup.
      guard name.components.first != "builtins", let last = name.lastComponent, index.mayDefineAwaitable(last),
        case .function(let kind) = index.resolve(name, from: path)
      else {
        return nil
      }
      if let known = result, known != kind { return nil }
      result = kind
    }
    return result
  }

  /// The class statement `receiver` (a `.name`) stands for: the class itself when the name is
  /// bound only by that `class`, or the class whose method has `receiver` as first parameter
  /// (`self`, `cls`; not in a `@staticmethod`: `instanceClass(of:)`).
  public func classNamed(byReceiver receiver: SyntaxNode) -> SyntaxNode? {
    let bindings = resolve(receiver).bindings
    guard bindings.count == 1 else { return nil }
    switch bindings[0].kind {
    case .class: return bindings[0].node
    case .parameter: return instanceClass(of: receiver)?.node
    default: return nil
    }
  }

  /// The class whose bases `receiver` looks methods up in when it is `super()`: the class of
  /// the method it is called in (the zero-argument form), or the class named first
  /// (`super(Cls, self)`). `nil` for anything else, and for `super` rebound in the file.
  func superclassesOwner(_ receiver: SyntaxNode) -> SyntaxNode? {
    guard let call = CallSyntax(receiver), let callee = call.callee.unparenthesized.asName,
      callee.isIdentifier("super"), case .builtin = resolve(callee.node)
    else { return nil }
    let arguments = call.arguments
    if arguments.isEmpty {
      guard let function = enclosingFunction(of: receiver) else { return nil }
      return enclosingClass(ofMethod: function)?.node
    }
    guard arguments.count == 2, arguments.allSatisfy({ $0.kind == .positional }),
      let named = arguments[0].value.unparenthesized.asName
    else { return nil }
    let bindings = resolve(named.node).bindings
    return bindings.count == 1 && bindings[0].kind == .class ? bindings[0].node : nil
  }

  /// The outcome of looking a method up in a class and its bases.
  enum MethodLookup {
    case found(FunctionKind)
    /// Not defined there, for certain (every base known).
    case absent
    /// Could be anywhere: a base the file and index cannot follow, or a name bound otherwise.
    case unknown
  }

  func methodLookup(_ name: String, inClass classNode: SyntaxNode, index: ProjectIndex, path: ModulePath, depth: Int)
    -> MethodLookup
  {
    guard depth < ProjectIndex.maximumDepth, let scope = scopeOpened(by: classNode) else { return .unknown }
    let own = bindings(named: name, in: scope.id)
    if !own.isEmpty { return functionKind(of: own).map(MethodLookup.found) ?? .unknown }
    return methodLookup(name, inBasesOf: classNode, index: index, path: path, depth: depth)
  }

  /// `methodLookup` in the bases of `classNode` only, in order (what `super().name` reaches).
  func methodLookup(_ name: String, inBasesOf classNode: SyntaxNode, index: ProjectIndex, path: ModulePath, depth: Int)
    -> MethodLookup
  {
    guard depth < ProjectIndex.maximumDepth, let classSyntax = ClassDefSyntax(classNode) else { return .unknown }
    for base in classSyntax.bases {
      let expression = base.unparenthesized
      if expression.kind == .name {
        switch resolve(expression) {
        case .builtin(let builtin):
          if builtin == "object" { continue }
          return .unknown
        case .bound(let bindings) where bindings.count == 1 && bindings[0].kind == .class:
          let found = methodLookup(name, inClass: bindings[0].node, index: index, path: path, depth: depth + 1)
          if case .absent = found { continue }
          return found
        default:
          break
        }
      }
      // An imported class: the index knows it or the search stops.
      let names = qualifiedNames(of: expression)
      guard names.count == 1, index.mayDefineAwaitable(name),
        case .class(let projectClass) = index.resolve(names[0], from: path),
        let kind = index.method(name, of: projectClass)
      else { return .unknown }
      return .found(kind)
    }
    return .absent
  }
}

extension SemanticModel {
  /// The names of the file's `async def` and generator functions and methods, at any depth: with
  /// `ProjectIndex.mayDefineAwaitable`, a filter that spares the lookup for calls to any other
  /// name (most calls).
  ///
  /// Classes count too when calling them may make an awaitable (`calledAwaitableClass`): those
  /// whose body defines `__await__` or `__iter__`, and the file's classes that name one of those
  /// as a base, at any remove. (A subclass of another module's awaitable class is not found.)
  public func awaitableFunctionNames() -> IdentifierSet {
    var names = IdentifierSet()
    var subclasses: [(token: UInt32, bases: [String])] = []
    var awaitableClasses: Set<String> = []
    // Most files bind neither name: then no class needs a look (one lookup in the file's
    // interned names instead of a test per binding).
    let dunders = [symbol(of: "__await__"), symbol(of: "__iter__")].compactMap { $0 }
    for index in bindingKinds.indices {
      switch bindingKinds[index] {
      case .function:
        let node = tree.node(bindingNodes[index])
        guard let function = FunctionDefSyntax(node) else { continue }
        if function.isAsync || containsYield(function.node) { names.insert(tree.tokenText(bindingTokens[index])) }
        // `def __await__`/`def __iter__` directly in a class body: that class counts.
        if dunders.contains(bindingSymbols[index]),
          let owner = tree.node(scopeNodes[Int(bindingScopes[index])]).asClassDef, let name = owner.nameToken
        {
          awaitableClasses.insert(tree.tokenText(name))
        }
      case .class where !dunders.isEmpty:
        guard let classSyntax = ClassDefSyntax(tree.node(bindingNodes[index])) else { continue }
        let bases = classSyntax.bases.compactMap { $0.unparenthesized.asName?.identifier }
        if !bases.isEmpty { subclasses.append((bindingTokens[index], bases)) }
      default:
        continue
      }
    }
    if awaitableClasses.isEmpty { return names }
    // Subclasses of those, through the file's own classes, until nothing changes.
    var grew = true
    while grew {
      grew = false
      for subclass in subclasses where subclass.bases.contains(where: awaitableClasses.contains) {
        grew = awaitableClasses.insert(tree.tokenText(subclass.token)).inserted || grew
      }
    }
    for name in awaitableClasses { names.insert(name) }
    return names
  }

  /// How the instances of the class `callee` names are awaitable: through its own or an
  /// inherited `__await__`, an `__iter__` that yields, or both. The class is found as
  /// `calledFunctionKind` finds functions: through this file's bindings, or its imports and the
  /// project index. `nil` when it names no such class, or cannot be told.
  public func calledAwaitableClass(_ callee: SyntaxNode, index: ProjectIndex, importer: ModulePath) -> AwaitableClass? {
    let node = callee.unparenthesized
    var result: AwaitableClass = []
    if node.kind == .name {
      let bindings = resolve(node).bindings
      if bindings.count == 1 && bindings[0].kind == .class {
        let classNode = bindings[0].node
        if case .found = methodLookup("__await__", inClass: classNode, index: index, path: importer, depth: 0) {
          result.insert(.awaitMethod)
        }
        if case .found(.generator) = methodLookup("__iter__", inClass: classNode, index: index, path: importer, depth: 0) {
          result.insert(.iteratorGenerator)
        }
        return result.isEmpty ? nil : result
      }
      guard !bindings.isEmpty, bindings.allSatisfy({ $0.kind == .import }) else { return nil }
    } else if node.kind != .attribute {
      return nil
    }
    let names = qualifiedNames(of: node)
    guard names.count == 1, let last = names[0].lastComponent, index.mayDefineAwaitable(last),
      case .class(let projectClass) = index.resolve(names[0], from: importer)
    else { return nil }
    if index.method("__await__", of: projectClass) != nil { result.insert(.awaitMethod) }
    if index.method("__iter__", of: projectClass) == .generator { result.insert(.iteratorGenerator) }
    return result.isEmpty ? nil : result
  }
}
