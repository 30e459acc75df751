import PythonSyntax

/// What a name refers to where it is used.
public enum NameResolution: Hashable, Sendable {
  /// Bound in this file: the bindings that may be in effect at the use, in source order. Usually
  /// one; several when they sit in different branches (`try: import uasyncio as asyncio` /
  /// `except ImportError: import asyncio`); empty when the scope makes the name local but gives
  /// it no value (only `x: int`).
  case bound([Binding])
  /// No scope binds it and `builtins` has it (`print`, `len`, `Exception`).
  case builtin(String)
  /// Bound nowhere this file can see: a typo, or a name from `from m import *`.
  case unresolved(String)

  /// The candidate bindings (empty for builtins and unresolved names).
  public var bindings: [Binding] {
    if case .bound(let bindings) = self { return bindings }
    return []
  }
}

extension SemanticModel {
  /// What `.name` node `name` refers to. A target refers to the binding it makes; a read
  /// resolves by Python's rules (LEGB): its own scope, enclosing function scopes (class bodies
  /// are not visible from the functions nested in them), the module, then builtins, with
  /// `global` and `nonlocal` honoured. Within a scope, it sees the bindings that may reach it.
  public func resolve(_ name: SyntaxNode) -> NameResolution {
    guard name.kind == .name, !name.isEmpty else { return .unresolved(name.text) }
    let token = name.firstToken
    if couldBeTarget(name), let own = binding(madeBy: name), own.nameToken == token { return .bound([own]) }
    return resolve(
      symbol: symbol(ofToken: token), text: name.tree.tokenText(token), scope: nodeScopes[Int(name.index)],
      use: name.index, useToken: token)
  }

  /// What `name` would refer to if it were read at `node` (for code about to be written there).
  public func resolve(_ name: String, at node: SyntaxNode) -> NameResolution {
    resolve(
      symbol: symbol(of: name), text: name, scope: nodeScopes[Int(node.index)], use: node.index,
      useToken: node.firstToken)
  }

  /// The binding `.name` node `name` most likely refers to: the latest candidate (`nil` for a
  /// builtin or unresolved name).
  public func binding(of name: SyntaxNode) -> Binding? { resolve(name).bindings.last }

  /// Whether `.name` node `name` sits where a target can (a cheap test on its parent's kind that
  /// spares most reads the search for a binding made by the node).
  private func couldBeTarget(_ name: SyntaxNode) -> Bool {
    let parent = tree.nodeParents[Int(name.index)]
    guard parent != .max else { return false }
    switch tree.nodeKinds[Int(parent)] {
    case .assignment, .augmentedAssignment, .annotatedAssignment, .forStatement, .asyncForStatement, .withItem,
      .comprehensionClause, .namedExpression, .deleteStatement, .typeAlias, .tuple, .list, .starred, .parenthesized:
      return true
    default:
      return false
    }
  }

  private func resolve(
    symbol: UInt32?, text: @autoclosure () -> String, scope: UInt32, use: UInt32, useToken: UInt32
  ) -> NameResolution {
    if let symbol, let found = lookup(symbol, from: scope, use: use, useToken: useToken) {
      return .bound(found.map { binding(BindingID($0)) })
    }
    let name = text()
    return Builtins.contains(name) ? .builtin(name) : .unresolved(name)
  }

  /// The bindings of `symbol` that may be in effect at node `use` (first token `useToken`) in
  /// scope `start`; `nil` when no visible scope binds it.
  func lookup(_ symbol: UInt32, from start: UInt32, use: UInt32, useToken: UInt32) -> [UInt32]? {
    var scope = start
    // While only comprehension scopes have been left, the use still runs in place, so the
    // bindings before it are the ones that reach it; from a nested function they are those
    // standing at the end of the enclosing scope.
    var inPlace = true
    var previous: ScopeKind?
    while scope != .max {
      let kind = scopeKinds[Int(scope)]
      let visible = scope == start || kind != .class || previous == .annotation
      if visible, let entry = names.entry(scope: scope, symbol: symbol) {
        if names.declarations[Int(entry)] != .none {
          let target = names.targets[Int(entry)]
          guard let declared = names.entry(scope: target, symbol: symbol),
            names.heads[Int(declared)] != ScopedNameTable.noBinding
          else { return nil }
          return candidates(declared, before: nil, point: endPoint(of: target))
        }
        if names.heads[Int(entry)] != ScopedNameTable.noBinding {
          if !inPlace { return candidates(entry, before: nil, point: endPoint(of: scope)) }
          let reaching = candidates(entry, before: useToken, point: use)
          if !reaching.isEmpty { return reaching }
          // Nothing bound yet: a module or class body reads the next scope out (a class body
          // reads globals); a function's local is bound later in a loop, or not at all.
          if kind.isFunctionLike { return candidates(entry, before: nil, point: endPoint(of: scope)) }
        }
      }
      if kind != .comprehension { inPlace = false }
      previous = kind
      scope = scopeParents[Int(scope)]
    }
    return nil
  }

  /// The bindings of `entry` that take effect before token `limit` (all when `nil`), latest
  /// last, back to and including the latest one that surely ran before `point`.
  private func candidates(_ entry: UInt32, before limit: UInt32?, point: UInt32) -> [UInt32] {
    let head = names.heads[Int(entry)]
    if head == names.tails[Int(entry)] {
      // One binding, the common case: no list to sort.
      guard bindingKinds[Int(head)] != .annotation, limit.map({ effectToken(of: head) <= $0 }) ?? true else {
        return []
      }
      return [head]
    }
    var found: [(effect: UInt32, binding: UInt32)] = []
    var binding = head
    while binding != ScopedNameTable.noBinding {
      if bindingKinds[Int(binding)] != .annotation {
        let effect = effectToken(of: binding)
        if limit.map({ effect <= $0 }) ?? true { found.append((effect, binding)) }
      }
      binding = bindingNext[Int(binding)]
    }
    found.sort { ($0.effect, $0.binding) < ($1.effect, $1.binding) }
    var first = found.count
    while first > 0 {
      first -= 1
      if hidesEarlierBindings(found[first].binding, at: point) { break }
    }
    return found[first...].map(\.binding)
  }
}
