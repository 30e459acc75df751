import PythonSyntax

/// Where a module-level import goes when a fix needs one (`import asyncio` for AF102's
/// `await asyncio.sleep_ms(…)`), as an edit that touches nothing else.
///
/// The line goes after the imports at the top of the file: after the module docstring, the
/// `from __future__` imports and every import statement up to the first statement that is not
/// one (comments and blank lines between imports are fine). A `try:` whose body only imports
/// and whose other clauses hold only simple statements (`try: import uasyncio as asyncio`
/// / `except ImportError: import asyncio`) counts as an import; `if x: import y` does not, nor
/// does anything after it. A file with neither docstring nor imports gets the line after its
/// header: the shebang and coding-cookie lines, and any comment block separated from the code
/// by a blank line (a licence, a module description); a comment directly above the first
/// statement stays with it. The line uses the file's line break; at the end of a file without
/// a final newline the break goes first, so the file still ends as it did.
public enum ImportInsertion {
  /// An edit inserting the line `statement` (without line break, e.g. `"import asyncio"`).
  public static func insert(_ statement: String, into tree: SyntaxTree) -> Edit {
    Indentation.lineInsertion(statement, indentation: [], at: offset(in: tree), in: tree.source)
  }

  /// The offset of the start of the line the import goes on (or the end of the file).
  public static func offset(in tree: SyntaxTree) -> UInt32 {
    var anchor: SyntaxNode?
    for (index, statement) in tree.root.children.filter({ $0.kind.isStatement }).enumerated() {
      guard (index == 0 && isDocstring(statement)) || isImport(statement) else { break }
      anchor = statement
    }
    guard let anchor else { return headerEnd(in: tree) }
    return lineEnd(after: anchor)
  }

  // MARK: Statements

  static func isDocstring(_ statement: SyntaxNode) -> Bool {
    guard statement.kind == .expressionStatement, let expression = statement.child(at: 0),
      expression.kind == .constant, !expression.isEmpty
    else { return false }
    return statement.tree.tokens.kinds[Int(expression.firstToken)] == .string
  }

  static func isImport(_ statement: SyntaxNode) -> Bool {
    switch statement.kind {
    case .importStatement, .importFromStatement: return true
    case .tryStatement: return isImportTry(statement)
    default: return false
    }
  }

  /// `try:` importing, with fallbacks that are simple statements (`except ImportError: x = None`).
  private static func isImportTry(_ statement: SyntaxNode) -> Bool {
    guard let body = statement.child(.block).flatMap(BlockSyntax.init), !body.statements.isEmpty,
      body.statements.allSatisfy({ $0.kind == .importStatement || $0.kind == .importFromStatement || $0.kind == .passStatement })
    else { return false }
    for clause in statement.children where clause.kind != .block {
      guard let block = clause.child(.block).flatMap(BlockSyntax.init),
        block.statements.allSatisfy({ $0.child(.block) == nil && $0.kind != .errorStatement })
      else { return false }
    }
    return true
  }

  /// Just after the logical line on which `statement` ends.
  private static func lineEnd(after statement: SyntaxNode) -> UInt32 {
    let tree = statement.tree
    let kinds = tree.tokens.kinds
    // A compound statement (an import `try`) ends with its last block's `NEWLINE DEDENT…`.
    var token = statement.endToken
    while token > statement.firstToken && kinds[Int(token) - 1] == .dedent { token -= 1 }
    if token > statement.firstToken && kinds[Int(token) - 1] == .newline {
      return tree.tokens.textEnds[Int(token) - 1]
    }
    // A simple statement's NEWLINE follows it (after any `; other` on the same line).
    token = statement.endToken
    while token < UInt32(kinds.count) && kinds[Int(token)] != .newline && kinds[Int(token)] != .endOfFile {
      token += 1
    }
    return token < UInt32(kinds.count) ? tree.tokens.textEnds[Int(token)] : UInt32(tree.source.count)
  }

  // MARK: Header

  /// After the byte-order mark, shebang, coding cookie and separated comment blocks that
  /// precede the first statement.
  private static func headerEnd(in tree: SyntaxTree) -> UInt32 {
    let bytes = tree.source.bytes
    let kinds = tree.tokens.kinds
    // Comments before the first real token are its leading trivia (layout tokens have none);
    // a file without code has only the end-of-file token, at the end.
    var first = 0
    while first < kinds.count - 1 && kinds[first].isLayout { first += 1 }
    let codeStart = kinds.isEmpty ? bytes.count : Int(tree.tokens.textStarts[first])
    var offset = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    var result = offset
    var lineNumber = 1
    var commentBlockEnd: Int?
    while offset < codeStart {
      let lineStart = offset
      while offset < bytes.count && bytes[offset] != UInt8(ascii: "\n") && bytes[offset] != UInt8(ascii: "\r") {
        offset += 1
      }
      // The first statement's own line is not part of the header.
      if offset >= codeStart && codeStart < bytes.count { break }
      let text = bytes[lineStart..<offset].drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == 0x0C }
      if offset < bytes.count {
        let isCRLF = bytes[offset] == UInt8(ascii: "\r") && offset + 1 < bytes.count && bytes[offset + 1] == UInt8(ascii: "\n")
        offset += isCRLF ? 2 : 1
      }
      if text.isEmpty {
        // A blank line after a comment block makes the block a header.
        if let end = commentBlockEnd { result = end }
        commentBlockEnd = nil
      } else if (lineNumber == 1 && text.starts(with: Array("#!".utf8))) || (lineNumber <= 2 && isCodingCookie(text)) {
        result = offset
        commentBlockEnd = nil
      } else {
        commentBlockEnd = offset
      }
      lineNumber += 1
    }
    // In a file without code every comment is header.
    if codeStart >= bytes.count, let end = commentBlockEnd { result = end }
    return UInt32(result)
  }

  /// PEP 263: `coding[:=]` in a comment on line 1 or 2.
  private static func isCodingCookie(_ comment: ArraySlice<UInt8>) -> Bool {
    guard comment.first == UInt8(ascii: "#") else { return false }
    return comment.firstRange(of: Array("coding:".utf8)) != nil || comment.firstRange(of: Array("coding=".utf8)) != nil
  }
}
