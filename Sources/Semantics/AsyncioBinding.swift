import PythonSyntax

/// How new code at a given point of a file names a member of asyncio (`sleep_ms`, `sleep`,
/// `CancelledError`, `ThreadSafeFlag`): through the file's own binding, so a fix reads like the
/// code around it (`import uasyncio as asyncio` → `asyncio.sleep_ms(…)`).
public enum AsyncioBinding: Hashable, Sendable {
  /// The module is bound to this name at the point: write `<name>.<member>` (`asyncio` after
  /// `import asyncio` or `import uasyncio as asyncio`; `uasyncio` after `import uasyncio`).
  case module(String)
  /// The member itself was imported (`from asyncio import sleep_ms [as name]`): write this name.
  case importedName(String)
  /// Nothing binds asyncio at the point and the name `asyncio` is free: `import asyncio` must be
  /// inserted (the engine inserts imports), then `asyncio.<member>` works.
  case needsImport
  /// asyncio is not reachable at the point and `asyncio` means something else there (a local
  /// variable, a parameter): new code cannot name asyncio; do not fix.
  case shadowed

  /// The expression to write for `<asyncio>.<member>` (for `.needsImport`, the text that is
  /// right once the import is in); `nil` when shadowed.
  public func spelling(of member: String) -> String? {
    switch self {
    case .module(let name): return "\(name).\(member)"
    case .importedName(let name): return name
    case .needsImport: return "asyncio.\(member)"
    case .shadowed: return nil
    }
  }
}

extension SemanticModel {
  /// How to name asyncio's `member` in code written at `node`: the member's own name when the
  /// file imported exactly it from asyncio (or uasyncio); else the module's name when a module
  /// import is in effect there; else whether `import asyncio` would be visible there. Every
  /// candidate is checked at `node`, so a local or parameter hiding the import is respected.
  public func asyncioBinding(for member: String, at node: SyntaxNode) -> AsyncioBinding {
    let memberName = QualifiedName(components: ["asyncio", member])
    for record in imports where record.isFrom {
      if let bound = record.boundName, record.qualifiedName?.canonical == memberName,
        refers(bound, at: node, to: memberName)
      {
        return .importedName(bound)
      }
    }
    let moduleName = QualifiedName(components: ["asyncio"])
    let moduleBindings = imports.filter { !$0.isFrom && $0.qualifiedName?.canonical == moduleName }
      .compactMap(\.boundName)
    // `asyncio` first when the file binds the module under several names.
    for bound in moduleBindings.sorted(by: { ($0 != "asyncio" ? 1 : 0) < ($1 != "asyncio" ? 1 : 0) })
    where refers(bound, at: node, to: moduleName) {
      return .module(bound)
    }
    if case .bound = resolve("asyncio", at: node) { return .shadowed }
    return .needsImport
  }

  /// Whether every binding of `name` that may be in effect at `node` is an import of
  /// `qualifiedName` (canonically), and none of them is bound in `node`'s own function scope
  /// only after `node`: a function-local name is local throughout the function, so code written
  /// above its binding raises `UnboundLocalError` (even when the module imports it too).
  private func refers(_ name: String, at node: SyntaxNode, to qualifiedName: QualifiedName) -> Bool {
    let bindings = resolve(name, at: node).bindings
    let useScope = nodeScopes[Int(node.index)]
    let local = scopeKinds[Int(useScope)].isFunctionLike
    return !bindings.isEmpty
      && bindings.allSatisfy {
        importRecord(for: $0)?.qualifiedName?.canonical == qualifiedName
          && !(local && $0.scope.rawValue == useScope && effectToken(of: $0.id.rawValue) > node.firstToken)
      }
  }
}
