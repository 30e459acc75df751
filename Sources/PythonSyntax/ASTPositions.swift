/// A position as CPython's `ast` gives it: 1-based lines, 0-based columns counted in UTF-8 bytes of
/// the decoded line, end exclusive (`lineno`, `col_offset`, `end_lineno`, `end_col_offset`).
public struct ASTPosition: Hashable, Sendable, CustomStringConvertible {
  public var line: Int
  public var column: Int
  public var endLine: Int
  public var endColumn: Int

  public init(line: Int, column: Int, endLine: Int, endColumn: Int) {
    self.line = line
    self.column = column
    self.endLine = endLine
    self.endColumn = endColumn
  }

  /// `line:column-endLine:endColumn`, the form `parse --tree` prints.
  public var description: String { "\(line):\(column)-\(endLine):\(endColumn)" }
}

extension SyntaxNode {
  /// The position CPython's `ast` gives this node (for nodes with an `astName`), or the position of
  /// the node's significant text (for the others); `nil` when the node has no significant token.
  ///
  /// Converting many nodes of one tree? Make one `ASTPositionConverter` and call `astTextRange`.
  public var astPosition: ASTPosition? {
    guard let range = astTextRange else { return nil }
    return ASTPositionConverter(tree).position(of: range)
  }

  /// The bytes CPython's position covers: `significantTextRange`, except where CPython's `ast`
  /// disagrees with the concrete tree's shape (each case below says why).
  public var astTextRange: Range<UInt32>? {
    switch kind {
    case .module:
      // CPython gives `Module` no position; the whole file is what a reader of the tree expects.
      return 0..<UInt32(tree.source.count)
    case .functionDef, .asyncFunctionDef, .classDef:
      // Decorators are children of the def/class in the concrete tree, but CPython's position starts
      // at `def`/`async`/`class` (its `decorator_list` lies outside the node's span).
      var start = firstToken
      for child in children {
        guard child.kind == .decorator else { break }
        start = child.endToken
      }
      return tree.significantTextRange(tokens: start..<endToken)
    case .elifClause:
      // CPython makes `elif` an `If` nested in the previous test's `orelse`, holding every later
      // `elif`/`else`, so it ends where the whole `if` statement ends.
      guard let start = significantTextRange?.lowerBound else { return nil }
      guard let parent, parent.kind == .ifStatement, let end = parent.significantTextRange?.upperBound,
        end >= start
      else { return significantTextRange }
      return start..<end
    case .generatorExpression:
      // `f(x for x in y)`: a generator that is a call's sole argument borrows the call's parentheses,
      // and CPython's position includes them (as if it were written `f((x for x in y))`).
      return soleArgumentGeneratorRange ?? significantTextRange
    default:
      return significantTextRange
    }
  }

  /// For a generator expression without parentheses of its own that fills an argument list
  /// `( … )` alone, the range from that `(` to its `)`.
  private var soleArgumentGeneratorRange: Range<UInt32>? {
    guard let parent, parent.kind == .argumentList, let first = child(at: 0), first.firstToken == firstToken
    else { return nil }
    let kinds = tree.tokens.kinds
    guard parent.firstToken + 1 == firstToken, kinds[Int(parent.firstToken)] == .leftParen,
      endToken + 1 == parent.endToken, kinds[Int(endToken)] == .rightParen
    else { return nil }
    return tree.tokens.textStarts[Int(parent.firstToken)]..<tree.tokens.textEnds[Int(endToken)]
  }
}

extension SyntaxTree {
  /// Bytes from the first to the last token of `tokens` that is not layout; `nil` when there is none.
  func significantTextRange(tokens range: Range<UInt32>) -> Range<UInt32>? {
    let kinds = tokens.kinds
    var first = range.lowerBound
    while first < range.upperBound && kinds[Int(first)].isLayout { first += 1 }
    guard first < range.upperBound else { return nil }
    var last = range.upperBound - 1
    while last > first && kinds[Int(last)].isLayout { last -= 1 }
    return tokens.textStarts[Int(first)]..<tokens.textEnds[Int(last)]
  }
}

/// Turns byte offsets of one tree into CPython's line and column numbers. Make one per tree and
/// reuse it: it finds the file's encoding once.
///
/// CPython counts columns in UTF-8 bytes of the *decoded* line, which differs from our byte offsets
/// in two cases: a UTF-8 byte-order mark is not part of line 1 (CPython strips it before
/// tokenizing), and in a file whose PEP 263 cookie names another encoding (`latin-1`, `cp1252`,
/// `koi8-r`, …) each non-ASCII byte counts as the length of its character in UTF-8. Multi-byte legacy
/// encodings (Shift JIS, GBK, …) and rare single-byte ones are not converted: their columns stay
/// byte columns.
public struct ASTPositionConverter {
  private let source: SourceBuffer
  private let lineStarts: [UInt32]
  /// Bytes to drop from the columns of line 1 (3 after a UTF-8 byte-order mark).
  private let firstLineSkip: UInt32
  /// UTF-8 length of the characters 0x80...0xFF decode to, when the file is in a single-byte encoding.
  private let highByteLengths: [UInt8]?

  public init(_ tree: SyntaxTree) {
    source = tree.source
    lineStarts = tree.source.lineStarts
    let bytes = tree.source.bytes
    firstLineSkip = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    highByteLengths =
      firstLineSkip == 0 ? SourceEncoding.cookie(in: bytes).flatMap(SourceEncoding.highByteLengths) : nil
  }

  /// The `(line, column)` CPython reports for byte `offset`.
  public func lineAndColumn(of offset: UInt32) -> (line: Int, column: Int) {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
    }
    let lineStart = lineStarts[low]
    var column = Int(offset - lineStart)
    if low == 0 && firstLineSkip > 0 {
      column = max(0, column - Int(firstLineSkip))
    } else if let highByteLengths {
      var index = Int(lineStart)
      while index < Int(offset) {
        let byte = source.bytes[index]
        if byte >= 0x80 { column += Int(highByteLengths[Int(byte - 0x80)]) - 1 }
        index += 1
      }
    }
    return (low + 1, column)
  }

  public func position(of range: Range<UInt32>) -> ASTPosition {
    let start = lineAndColumn(of: range.lowerBound)
    let end = lineAndColumn(of: range.upperBound)
    return ASTPosition(line: start.line, column: start.column, endLine: end.line, endColumn: end.column)
  }
}

/// Just enough of PEP 263 to convert columns: the cookie's encoding name, and the UTF-8 lengths of
/// the high half of the single-byte encodings met in practice (ASTPositions+Encodings.swift).
enum SourceEncoding {
  /// The encoding a `coding[:=]name` comment on line 1 or 2 declares (line 2 counts only when line 1
  /// is a comment or blank), as written.
  static func cookie(in bytes: [UInt8]) -> String? {
    var lineStart = 0
    for lineNumber in 0..<2 {
      var lineEnd = lineStart
      while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") && bytes[lineEnd] != UInt8(ascii: "\r") {
        lineEnd += 1
      }
      let line = bytes[lineStart..<lineEnd]
      let body = line.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == 0x0C }
      if body.first == UInt8(ascii: "#") {
        if let name = codingName(in: Array(body)) { return name }
      } else if !body.isEmpty || lineNumber > 0 {
        return nil
      }
      guard lineEnd < bytes.count else { return nil }
      lineStart = lineEnd + (bytes[lineEnd] == UInt8(ascii: "\r") && lineEnd + 1 < bytes.count
        && bytes[lineEnd + 1] == UInt8(ascii: "\n") ? 2 : 1)
    }
    return nil
  }

  /// The name after the first `coding:` or `coding=` in a comment line.
  private static func codingName(in comment: [UInt8]) -> String? {
    let keyword = Array("coding".utf8)
    var index = 0
    while index + keyword.count < comment.count {
      if comment[index..<index + keyword.count].elementsEqual(keyword),
        comment[index + keyword.count] == UInt8(ascii: ":") || comment[index + keyword.count] == UInt8(ascii: "=")
      {
        var start = index + keyword.count + 1
        while start < comment.count && (comment[start] == UInt8(ascii: " ") || comment[start] == UInt8(ascii: "\t")) {
          start += 1
        }
        var end = start
        while end < comment.count, isNameByte(comment[end]) { end += 1 }
        guard end > start else { return nil }
        return String(decoding: comment[start..<end], as: UTF8.self)
      }
      index += 1
    }
    return nil
  }

  private static func isNameByte(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
      || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
      || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
  }

  /// UTF-8 lengths of the characters bytes 0x80...0xFF stand for (a byte the encoding leaves
  /// undefined counts as 1), or `nil` for UTF-8 and for encodings the tables do not know.
  static func highByteLengths(_ name: String) -> [UInt8]? {
    guard let index = highByteTableIndices[normalized(name)] else { return nil }
    return highByteTables[index].utf8.map { $0 - UInt8(ascii: "0") }
  }

  /// The name as Python's codec registry looks it up: lowercase, each run of characters other than
  /// letters, digits and `.` turned into one `_` (`ISO-8859-5` → `iso_8859_5`), after CPython's
  /// tokenizer has folded the spellings of Latin-1 (`latin-1-unix` → `iso-8859-1`).
  static func normalized(_ name: String) -> String {
    let lowercased = name.lowercased()
    for latin1 in ["latin-1", "iso-8859-1", "iso-latin-1"]
    where lowercased == latin1 || lowercased.hasPrefix(latin1 + "-") {
      return "latin_1"
    }
    var result = ""
    var pendingSeparator = false
    for character in lowercased {
      if character.isLetter || character.isNumber || character == "." {
        if pendingSeparator && !result.isEmpty { result.append("_") }
        result.append(character)
        pendingSeparator = false
      } else {
        pendingSeparator = true
      }
    }
    return result
  }
}
