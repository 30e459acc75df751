import PythonSyntax
import Semantics

/// How a fix names one of asyncio's members (`sleep_ms`, `sleep`, `CancelledError`, …) in code it
/// writes at a point of a file, with the import that makes the name work when the file has none.
///
/// The spelling follows the file's own binding (`SemanticModel.asyncioBinding(for:at:)`): `asyncio.`
/// after `import asyncio` or `import uasyncio as asyncio`, `uasyncio.` after `import uasyncio`, the
/// bare name after `from asyncio import sleep_ms`. When nothing binds asyncio there, the fix writes
/// `asyncio.<member>` and also inserts `import asyncio` after the file's top imports
/// (`ImportInsertion`) — in MicroPython files too: MicroPython names the module `asyncio` since
/// 1.21 (October 2023), with `uasyncio` kept as an alias; older firmware has only `uasyncio`, which
/// a file written for it already imports (and the fix then uses). Several fixes of one pass that each add the import
/// carry the same edit, which the engine applies once.
public struct AsyncioReference: Hashable, Sendable {
  /// The expression naming the member, e.g. `asyncio.sleep_ms` or `sleep_ms`.
  public let expression: String
  /// `import asyncio`, when the file must gain it for `expression` to work.
  public let importEdit: Edit?

  /// The reference to asyncio's `member` for code written at `node`; `nil` when `asyncio` means
  /// something else there (a parameter or local named `asyncio`), so no code can name the module.
  public init?(member: String, at node: SyntaxNode, in model: SemanticModel) {
    let binding = model.asyncioBinding(for: member, at: node)
    guard let expression = binding.spelling(of: member) else { return nil }
    self.expression = expression
    importEdit = binding == .needsImport ? ImportInsertion.insert("import asyncio", into: model.tree) : nil
  }

  /// `importEdit` as a list, to append to a fix's own edits.
  public var importEdits: [Edit] { importEdit.map { [$0] } ?? [] }
}
