/// After the pass: each (scope, name) gets its chain of bindings, then `global` and `nonlocal`
/// move a declared name's bindings to the scope it was declared to live in.
extension SemanticModelBuilder {
  mutating func linkBindings() {
    bindingNext = [UInt32](repeating: ScopedNameTable.noBinding, count: bindingKinds.count)
    for binding in 0..<bindingKinds.count {
      append(UInt32(binding), to: names.findOrInsert(scope: bindingScopes[binding], symbol: bindingSymbols[binding]))
    }
  }

  private mutating func append(_ binding: UInt32, to entry: UInt32) {
    let entry = Int(entry)
    if names.heads[entry] == ScopedNameTable.noBinding {
      names.heads[entry] = binding
    } else {
      bindingNext[Int(names.tails[entry])] = binding
    }
    names.tails[entry] = binding
  }

  /// Resolves every declaration's target scope against the bindings as written (so the order
  /// of declarations does not matter), then moves the bindings.
  mutating func applyDeclarations() {
    guard !declarations.isEmpty else { return }
    var declared: [UInt32] = []
    for declaration in declarations where declaration.scope != 0 {
      let entry = names.findOrInsert(scope: declaration.scope, symbol: declaration.symbol)
      if names.declarations[Int(entry)] == .none { declared.append(entry) }
      if names.declarations[Int(entry)] != .global { names.declarations[Int(entry)] = declaration.kind }
    }
    for entry in declared { names.targets[Int(entry)] = target(of: entry) }
    for entry in declared {
      let target = names.targets[Int(entry)]
      guard target != ScopedNameTable.noEntry else {
        // `nonlocal x` with no enclosing binding is a SyntaxError; keep the bindings local.
        names.declarations[Int(entry)] = .none
        continue
      }
      let destination = names.findOrInsert(scope: target, symbol: names.symbols[Int(entry)])
      var binding = names.heads[Int(entry)]
      while binding != ScopedNameTable.noBinding {
        let next = bindingNext[Int(binding)]
        bindingScopes[Int(binding)] = target
        bindingNext[Int(binding)] = ScopedNameTable.noBinding
        append(binding, to: destination)
        binding = next
      }
      names.heads[Int(entry)] = ScopedNameTable.noBinding
      names.tails[Int(entry)] = ScopedNameTable.noBinding
    }
  }

  /// The scope a declared name lives in: the module for `global`; for `nonlocal`, the nearest
  /// enclosing function-like scope (classes skipped) that binds it or passes it on.
  private func target(of entry: UInt32) -> UInt32 {
    if names.declarations[Int(entry)] == .global { return 0 }
    let symbol = names.symbols[Int(entry)]
    var scope = scopeParents[Int(names.scopes[Int(entry)])]
    while scope != .max && scope != 0 {
      if scopeKinds[Int(scope)] != .class, let found = names.entry(scope: scope, symbol: symbol) {
        switch names.declarations[Int(found)] {
        case .global: return 0
        case .nonlocal: return target(of: found)
        case .none: if names.heads[Int(found)] != ScopedNameTable.noBinding { return scope }
        }
      }
      scope = scopeParents[Int(scope)]
    }
    return ScopedNameTable.noEntry
  }
}
