import PythonSyntax

/// What a file's names mean: its scopes, every binding, what each name refers to, what its
/// imports resolve to, and which function or coroutine each node runs in.
///
/// Built once per file by one pass over the tree's pre-order columns (`init(_:)`), and stored
/// the same way: one scope number per node, and scopes and bindings as parallel arrays. There is
/// no object per scope or binding, so building stays linear and cheap enough to run on every
/// file of a project; `Scope` and `Binding` are values made on demand by the queries. Name
/// resolution (`resolve(_:)`) happens per query, not up front: rules look up few names compared
/// with how many a file holds.
public final class SemanticModel: Sendable {
  public let tree: SyntaxTree

  /// The scope each node is in, by pre-order index. A def's decorators, defaults and
  /// annotations are in the enclosing scope (or its type-parameter scope); its parameters and
  /// body in its own. A comprehension's first iterable is in the enclosing scope.
  let nodeScopes: [UInt32]

  // MARK: Scopes, by `ScopeID`
  let scopeKinds: [ScopeKind]
  let scopeNodes: [UInt32]
  /// `UInt32.max` for the module.
  let scopeParents: [UInt32]
  /// The nearest scope that is not a comprehension, itself included: the code that runs when
  /// the scope's code runs (a list comprehension in a coroutine runs in the coroutine).
  let scopeOwners: [UInt32]
  let scopeFlags: [ScopeFlags]

  // MARK: Bindings, by `BindingID` (in pre-order of their nodes)
  let bindingSymbols: [UInt32]
  let bindingScopes: [UInt32]
  let bindingKinds: [BindingKind]
  let bindingNodes: [UInt32]
  let bindingTokens: [UInt32]
  /// The next binding of the same name in the same scope (`UInt32.max` at the end).
  let bindingNext: [UInt32]

  let identifiers: IdentifierTable
  let names: ScopedNameTable

  /// Every imported name, in source order, wildcards and relative imports included.
  public let imports: [ImportRecord]
  /// Whether `imports` holds a `from m import *`.
  let hasWildcardImport: Bool
  /// The names bound by an import anywhere in the file (`nap` of `from time import sleep as
  /// nap`): a name not among them reaches no import, which `match` tests before resolving.
  let importedNames: IdentifierSet
  /// Whether an import names asyncio (or uasyncio), or a wildcard import may: without one, no
  /// value of the file can be made by an asyncio constructor (`ValueOrigin`s resolve through
  /// this file's imports only).
  public let mayReferenceAsyncio: Bool
  /// Whether the file has an `async def`: rules that report only inside coroutines skip a file
  /// without one.
  public let hasCoroutine: Bool
  /// Whether a name or attribute spells `sleep_ms` or `ThreadSafeFlag` (`micropythonEvidence`).
  let spellsMicroPythonName: Bool

  /// Names, attributes and class storage by spelling, built on first use (`StorageIndex`).
  let storageIndex = StorageIndex()

  /// Builds the model of `tree`. Linear in the size of the tree; never fails (invalid code gets
  /// the scopes and bindings of whatever parsed).
  public init(_ tree: SyntaxTree) {
    var builder = SemanticModelBuilder(tree: tree)
    builder.build()
    self.tree = tree
    nodeScopes = builder.nodeScopes.takeArray()
    scopeKinds = builder.scopeKinds
    scopeNodes = builder.scopeNodes
    scopeParents = builder.scopeParents
    scopeOwners = builder.scopeOwners
    scopeFlags = builder.scopeFlags
    bindingSymbols = builder.bindingSymbols
    bindingScopes = builder.bindingScopes
    bindingKinds = builder.bindingKinds
    bindingNodes = builder.bindingNodes
    bindingTokens = builder.bindingTokens
    bindingNext = builder.bindingNext
    identifiers = builder.identifiers
    names = builder.names
    imports = builder.imports
    hasWildcardImport = builder.imports.contains { $0.isWildcard }
    spellsMicroPythonName = builder.spellsMicroPythonName
    hasCoroutine = builder.scopeNodes.contains { tree.nodeKinds[Int($0)] == .asyncFunctionDef }
    mayReferenceAsyncio = builder.imports.contains { record in
      record.isWildcard || record.qualifiedName?.canonical.components.first == "asyncio"
    }
    self.importedNames = IdentifierSet(
      builder.imports.compactMap { record in
        record.binding.map { tree.tokenText(builder.bindingTokens[Int($0.rawValue)]) }
      })
  }

  // MARK: Scopes

  public var scopeCount: Int { scopeKinds.count }

  public func scope(_ id: ScopeID) -> Scope {
    let index = Int(id.rawValue)
    let parent = scopeParents[index]
    return Scope(
      id: id, kind: scopeKinds[index], node: tree.node(scopeNodes[index]),
      parent: parent == .max ? nil : ScopeID(parent))
  }

  /// The scope `node` is in (for a def or class: the scope it is defined in, not its own).
  public func scope(of node: SyntaxNode) -> Scope { scope(ScopeID(nodeScopes[Int(node.index)])) }

  /// The scope `node` opens: a def's, class's, lambda's or comprehension's own scope, the
  /// type-parameter scope of a `.typeParameters`, the annotation scope of a `type` statement.
  public func scopeOpened(by node: SyntaxNode) -> Scope? {
    scopeIndex(openedBy: node.index).map { scope(ScopeID($0)) }
  }

  func scopeIndex(openedBy node: UInt32) -> UInt32? {
    var low = 0
    var high = scopeNodes.count
    while low < high {
      let middle = (low + high) / 2
      if scopeNodes[middle] < node { low = middle + 1 } else { high = middle }
    }
    return low < scopeNodes.count && scopeNodes[low] == node ? UInt32(low) : nil
  }

  // MARK: Bindings

  public var bindingCount: Int { bindingKinds.count }

  public func binding(_ id: BindingID) -> Binding {
    let index = Int(id.rawValue)
    return Binding(
      id: id, kind: bindingKinds[index], scope: ScopeID(bindingScopes[index]), node: tree.node(bindingNodes[index]),
      nameToken: bindingTokens[index])
  }

  /// Every binding in the file, in source order of the binding nodes.
  public var bindings: [Binding] { (0..<bindingCount).map { binding(BindingID(UInt32($0))) } }

  /// The bindings of `name` in scope `scope`, in source order (after `global`/`nonlocal`: a name
  /// declared `global` in a function is bound in the module scope).
  public func bindings(named name: String, in scope: ScopeID) -> [Binding] {
    guard let symbol = symbol(of: name), let entry = names.entry(scope: scope.rawValue, symbol: symbol) else {
      return []
    }
    return bindingIndices(of: entry).sorted().map { binding(BindingID($0)) }
  }

  /// The binding that `node` itself makes (a target `.name`, def, class, parameter, import
  /// alias, except clause, pattern capture or type parameter), if any.
  public func binding(madeBy node: SyntaxNode) -> Binding? {
    var low = 0
    var high = bindingNodes.count
    while low < high {
      let middle = (low + high) / 2
      if bindingNodes[middle] < node.index { low = middle + 1 } else { high = middle }
    }
    return low < bindingNodes.count && bindingNodes[low] == node.index ? binding(BindingID(UInt32(low))) : nil
  }

  /// The import that made `binding`, if it is an import binding.
  public func importRecord(for binding: Binding) -> ImportRecord? {
    guard binding.kind == .import else { return nil }
    var low = 0
    var high = imports.count
    while low < high {
      let middle = (low + high) / 2
      if imports[middle].node.index < binding.node.index { low = middle + 1 } else { high = middle }
    }
    return low < imports.count && imports[low].node == binding.node ? imports[low] : nil
  }

  // MARK: Symbols

  func symbol(of name: String) -> UInt32? {
    tree.source.bytes.withUnsafeBufferPointer { identifiers.lookup(name, in: $0) }
  }

  func symbol(ofToken token: UInt32) -> UInt32? {
    let range = tree.tokens.textRange(token)
    return tree.source.bytes.withUnsafeBufferPointer { identifiers.lookup(range, in: $0) }
  }

  func bindingIndices(of entry: UInt32) -> [UInt32] {
    var result: [UInt32] = []
    var binding = names.heads[Int(entry)]
    while binding != ScopedNameTable.noBinding {
      result.append(binding)
      binding = bindingNext[Int(binding)]
    }
    return result
  }
}

/// Facts about the code of one scope, gathered while building.
struct ScopeFlags: OptionSet, Sendable {
  let rawValue: UInt8

  /// `yield` or `yield from` runs in this scope's code: a def holding one is a generator.
  static let containsYield = ScopeFlags(rawValue: 1)
  /// `await`, `async for` or `async with` runs in this scope's code.
  static let containsAwait = ScopeFlags(rawValue: 2)
}
