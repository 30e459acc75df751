import PythonSyntax

/// The line break a file uses, so that inserted lines match the lines around them.
public enum NewlineStyle: String, Hashable, Sendable, CaseIterable {
  case lf = "\n"
  case crlf = "\r\n"
  case cr = "\r"

  /// The style of the first line break in `bytes`; `\n` for a file without any.
  public static func detect(in bytes: [UInt8]) -> NewlineStyle {
    guard let index = bytes.firstIndex(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) else {
      return .lf
    }
    if bytes[index] == UInt8(ascii: "\n") { return .lf }
    return index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n") ? .crlf : .cr
  }

  public var bytes: [UInt8] { Array(rawValue.utf8) }
}

/// Edits that add whole lines of code at the right indentation, for rules that insert statements
/// (`await asyncio.sleep_ms(0)` at the start of a loop body, `raise` at the end of a handler,
/// `except CancelledError: raise` before a clause).
///
/// The inserted text takes the indentation of the lines it joins, byte for byte (spaces or tabs,
/// however many), and the file's own line break. A statement given as several lines keeps its
/// lines' relative indentation: each line is prefixed with the block's indentation.
public enum Indentation {
  /// The indentation of an indented block's statements, as written (`"    "`, `"\t"`, …);
  /// `nil` for a single-line or missing body.
  public static func text(of block: BlockSyntax) -> [UInt8]? {
    guard let range = block.indentation else { return nil }
    return Array(block.node.tree.source.bytes[Int(range.lowerBound)..<Int(range.upperBound)])
  }

  /// Inserts `statement` as the block's first statement. An indented block gets a line of its
  /// own right after the header (before any comment lines that lead the current first
  /// statement); a body on the header's line (`while x: a()`) gets `statement; ` before its
  /// first statement. `nil` for a missing body, or a multi-line statement in a one-line body.
  public static func insertion(_ statement: String, atStartOf block: BlockSyntax) -> Edit? {
    let tree = block.node.tree
    if block.isIndented {
      guard let indentation = text(of: block) else { return nil }
      let headerNewline = block.node.firstToken
      return lineInsertion(
        statement, indentation: indentation, at: tree.tokens.textEnds[Int(headerNewline)], in: tree.source)
    }
    guard block.isSingleLine, let first = block.firstStatement, !isMultiLine(statement) else { return nil }
    return .insertion(statement + "; ", at: first.textRange.lowerBound)
  }

  /// Inserts `statement` as the block's last statement: on a line of its own after the last
  /// statement's last line (before trailing comment lines), or `; statement` after the last
  /// statement of a one-line body. `nil` for a missing body, or a multi-line statement in a
  /// one-line body.
  public static func insertion(_ statement: String, atEndOf block: BlockSyntax) -> Edit? {
    let tree = block.node.tree
    if block.isIndented {
      guard let indentation = text(of: block) else { return nil }
      // The block ends `… NEWLINE DEDENT`; nested blocks add their own DEDENTs before it.
      var token = block.node.endToken
      while token > block.node.firstToken && tree.tokens.kinds[Int(token) - 1] == .dedent { token -= 1 }
      guard token > block.node.firstToken, tree.tokens.kinds[Int(token) - 1] == .newline else { return nil }
      return lineInsertion(statement, indentation: indentation, at: tree.tokens.textEnds[Int(token) - 1], in: tree.source)
    }
    guard block.isSingleLine, let last = block.lastStatement, !isMultiLine(statement) else { return nil }
    return .insertion("; " + statement, at: last.textRange.upperBound)
  }

  /// Inserts `statement` on lines of its own just before `node`'s line, at `node`'s indentation
  /// (after the comment lines above `node`). `nil` when `node` does not start its line
  /// (`b` in `a; b`).
  public static func insertion(_ statement: String, before node: SyntaxNode) -> Edit? {
    guard let indentation = node.lineIndentation else { return nil }
    let source = node.tree.source
    return lineInsertion(
      statement, indentation: Array(source.bytes[Int(indentation.lowerBound)..<Int(indentation.upperBound)]),
      at: indentation.lowerBound, in: source)
  }

  /// Inserts the lines of `statement`, each prefixed with `indentation`, as whole lines at
  /// `offset`, which must be the start of a line or the end of the file. At the end of a file
  /// without a final newline the line break goes before the new lines instead of after them,
  /// so the file still ends the way it did.
  public static func lineInsertion(
    _ statement: String, indentation: [UInt8], at offset: UInt32, in source: SourceBuffer
  ) -> Edit {
    let newline = NewlineStyle.detect(in: source.bytes).bytes
    var lines: [UInt8] = []
    for (index, line) in statement.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
      if index > 0 { lines += newline }
      if !line.isEmpty { lines += indentation }
      lines += line
    }
    let bytes = source.bytes
    let afterByteOrderMark = offset == 3 && bytes.starts(with: [0xEF, 0xBB, 0xBF])
    let atLineStart = offset == 0 || afterByteOrderMark || isLineBreak(bytes[Int(offset) - 1])
    if atLineStart {
      return Edit(range: offset..<offset, replacement: lines + newline)
    }
    return Edit(range: offset..<offset, replacement: newline + lines)
  }

  private static func isLineBreak(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
  }

  private static func isMultiLine(_ statement: String) -> Bool {
    statement.utf8.contains(UInt8(ascii: "\n"))
  }
}
