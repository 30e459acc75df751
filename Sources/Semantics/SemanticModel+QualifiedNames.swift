import PythonSyntax

/// Qualified names of expressions through the file's imports: `t.sleep` after `import utime as t`
/// is `utime.sleep`, `nap` after `from time import sleep as nap` is `time.sleep`.
extension SemanticModel {
  /// The qualified names `expression` (a `.name` or an `.attribute` chain over one, brackets
  /// allowed) may stand for, one per import that may be in effect, in source order: several
  /// after a fallback import (`uasyncio.sleep` and `asyncio.sleep`), none when the chain starts at
  /// something other than an import (a local variable, a parameter, a call). A builtin gives
  /// `builtins.<name>`; an unresolved name gives `<module>.<name>` for each `from <module> import *`.
  public func qualifiedNames(of expression: SyntaxNode) -> [QualifiedName] {
    var node = expression.unparenthesized
    var tail: [String] = []
    while node.kind == .attribute {
      guard let attribute = AttributeSyntax(node), let name = attribute.name else { return [] }
      tail.append(name)
      node = attribute.value.unparenthesized
    }
    guard node.kind == .name else { return [] }
    tail.reverse()
    var result: [QualifiedName] = []
    for base in qualifiedNames(ofName: node) {
      let name = base.appending(contentsOf: tail)
      if !result.contains(name) { result.append(name) }
    }
    return result
  }

  /// Whether an import anywhere in the file binds `name` (under any alias): a name that none
  /// binds cannot reach another module, which rules test before resolving it.
  /// Whether the plain name `name` (a `Name` node) is spelled as a name some import binds.
  public func isBoundByImport(_ name: SyntaxNode) -> Bool { name.isName(in: importedNames) }

  /// The first of `qualifiedNames(of:)`, if any.
  public func qualifiedName(of expression: SyntaxNode) -> QualifiedName? { qualifiedNames(of: expression).first }

  /// The canonical name (`ModuleAliases`) under which `expression` is in `names`, if it is: the
  /// test rules make (`time.sleep` in a set matches `utime.sleep(…)`, `t.sleep(…)`, `nap(…)`).
  public func match(_ expression: SyntaxNode, in names: QualifiedNameSet) -> QualifiedName? {
    let node = expression.unparenthesized
    // Most attribute chains end in a name the set does not hold: reject them before resolving.
    if node.kind == .attribute {
      guard let last = AttributeSyntax(node)?.nameToken, names.lastComponents.contains(token: last, in: tree)
      else { return nil }
    } else if node.kind == .name {
      // A plain name is a builtin or wildcard-imported name spelled as the set's last
      // component, or a name some import binds (under any alias); nothing else can match.
      guard node.isName(in: names.lastComponents) || node.isName(in: importedNames) else { return nil }
    }
    return qualifiedNames(of: node).first { names.contains($0) }?.canonical
  }

  /// Whether `expression` names one of `names` (see `match(_:in:)`).
  public func matches(_ expression: SyntaxNode, _ names: QualifiedNameSet) -> Bool {
    match(expression, in: names) != nil
  }

  private func qualifiedNames(ofName name: SyntaxNode) -> [QualifiedName] {
    switch resolve(name) {
    case .bound(let bindings):
      return bindings.compactMap { importRecord(for: $0)?.qualifiedName }
    case .builtin(let text):
      return text.hasPrefix("__") ? [] : [QualifiedName(components: ["builtins", text])]
    case .unresolved(let text):
      guard hasWildcardImport else { return [] }
      return imports.compactMap { record in
        record.isWildcard && record.relativeLevel == 0 ? record.moduleName.appending(text) : nil
      }
    }
  }
}
