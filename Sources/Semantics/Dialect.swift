import PythonSyntax

/// The Python a file is written for; fixes differ (`asyncio.sleep_ms` exists only in MicroPython).
public enum Dialect: String, Sendable, CaseIterable {
  case micropython
  case cpython
}

/// The `target` setting (`--target`, `target =` in the configuration).
public enum TargetSetting: String, Sendable, CaseIterable {
  /// Decide per file (`detectDialect`).
  case auto
  case micropython
  case cpython
}

/// What makes `target = auto` choose MicroPython for a file (DESIGN §3).
public enum DialectEvidence {
  /// Importing any of these (or a submodule) marks a file as MicroPython.
  public static let micropythonModules: Set<String> = [
    "uasyncio", "utime", "machine", "pyb", "micropython", "rp2", "esp32", "network", "csi", "sensor",
  ]

  /// Using any of these names (as an attribute, an imported name, or a name not defined in the
  /// file) marks a file as MicroPython: CPython's asyncio and time have neither.
  public static let micropythonNames: Set<String> = ["sleep_ms", "ThreadSafeFlag"]

  /// `micropythonNames` for tests against a file's bytes.
  static let micropythonNameSet = IdentifierSet(micropythonNames)
}

/// The dialect of the file `model` describes under `setting`: the setting itself unless it is
/// `auto`; then MicroPython when the file shows MicroPython evidence, else CPython.
public func detectDialect(_ model: SemanticModel, setting: TargetSetting = .auto) -> Dialect {
  switch setting {
  case .micropython: return .micropython
  case .cpython: return .cpython
  case .auto: return model.micropythonEvidence == nil ? .cpython : .micropython
  }
}

extension SemanticModel {
  /// The first node, in source order, that marks the file as MicroPython: an import of a
  /// MicroPython module (`.importAlias`), or a use of `sleep_ms` / `ThreadSafeFlag` (an
  /// `.importAlias`, `.attribute` or `.name`). A function or variable the file defines itself
  /// under one of those names (a CPython shim `def sleep_ms(ms): …`) is no evidence.
  public var micropythonEvidence: SyntaxNode? {
    // Most files spell neither name anywhere (the model's builder noted any name or attribute
    // that does): then only the imports can tell, and the walk over every node is skipped.
    if !spellsMicroPythonName {
      return imports.first(where: isMicroPythonImport).map(\.node)
    }
    var nextImport = 0
    let kinds = tree.nodeKinds
    for index in 0..<kinds.count {
      switch kinds[index] {
      case .importAlias:
        while nextImport < imports.count && imports[nextImport].node.index < UInt32(index) { nextImport += 1 }
        guard nextImport < imports.count, imports[nextImport].node.index == UInt32(index) else { continue }
        if isMicroPythonImport(imports[nextImport]) { return tree.node(UInt32(index)) }
      case .attribute:
        let node = tree.node(UInt32(index))
        if let token = AttributeSyntax(node)?.nameToken, spellsMicroPythonName(token) { return node }
      case .name:
        let node = tree.node(UInt32(index))
        guard spellsMicroPythonName(node.firstToken) else { continue }
        let bindings = resolve(node).bindings
        if bindings.isEmpty || bindings.contains(where: { $0.kind == .import }) { return node }
      default:
        continue
      }
    }
    return nil
  }

  private func isMicroPythonImport(_ record: ImportRecord) -> Bool {
    guard record.relativeLevel == 0 else { return false }
    if let module = record.module, DialectEvidence.micropythonModules.contains(String(module.prefix { $0 != "." })) {
      return true
    }
    return record.isFrom && record.name.map(DialectEvidence.micropythonNames.contains) == true
  }

  /// Whether the token spells `sleep_ms` or `ThreadSafeFlag`, compared as bytes.
  private func spellsMicroPythonName(_ token: UInt32) -> Bool {
    tree.token(token, is: "sleep_ms") || tree.token(token, is: "ThreadSafeFlag")
  }
}
