/// The byte-level Python tokenizer: turns a source buffer into a `TokenTable` that tiles it.
///
/// The lexer is a cursor over the file's bytes plus the little state Python's line structure needs:
/// the bracket depth (line breaks inside brackets are trivia), the indentation stack, and an
/// explicit stack of f-string modes (PEP 701 lets f-strings nest without limit, so nesting must
/// not recurse). It never fails: bytes it cannot make sense of become `.error` tokens and a
/// diagnostic, and every loop consumes at least one byte, so it is linear in the input.
///
/// Trivia is never stored, only implied by the token boundaries: after each token the lexer skips
/// the trailing trivia (up to the next line break), and whatever it skips before the next token
/// (line breaks that do not end a logical line, blank and comment lines, indentation) becomes that
/// token's leading trivia.
struct Lexer {
  /// The source bytes; only valid during `tokenize`.
  let bytes: UnsafeBufferPointer<UInt8>
  /// The source, for line numbers in diagnostics.
  let source: SourceBuffer
  /// Number of bytes in the source.
  let end: Int
  /// Offset of the next byte to look at.
  var position = 0
  /// Where the leading trivia of the next token starts (the end of the previous token's trivia).
  var leadingStart = 0
  var tokens: LexerTokenBuffer
  /// Byte classes (`LexerByteClass`), one per byte value.
  let byteClasses: UnsafePointer<UInt8>
  /// The keyword tables (`LexerKeywordTable`), held here so the hot path reads no globals.
  let keywordWords: UnsafePointer<UInt64>
  let keywordKinds: UnsafePointer<TokenKind>
  var diagnostics: [SyntaxDiagnostic] = []
  /// Open brackets (`(`, `[`, `{`, and the braces of f-string replacement fields).
  var bracketDepth = 0
  /// Indentation columns of the open blocks, with tabs to multiples of 8 (CPython's `indstack`).
  var indentColumns: [Int] = [0]
  /// The same columns with tabs counting 1, to detect inconsistent tabs (CPython's `altindstack`).
  var alternateIndentColumns: [Int] = [0]
  /// Whether the next byte starts a physical line whose indentation has not been looked at yet.
  var atLineStart = true
  /// Whether the current logical line has produced a token (so its end is a NEWLINE).
  var lineHasTokens = false
  /// Open f-strings, replacement fields and format specs, innermost last. Change it only through
  /// `pushMode`, `popMode` and `setTopModeKind`, which keep `topModeKind` and `topFieldDepth`.
  private(set) var modes: [LexerMode] = []
  /// The kind of the innermost mode, nil outside f-strings (cached: checked for every token).
  private(set) var topModeKind: LexerMode.Kind? = nil
  /// The innermost mode's `fieldDepth` (0 outside f-strings).
  private(set) var topFieldDepth = 0
  /// Whether the file is UTF-8 (no coding cookie or a UTF-8 one): then non-ASCII identifiers are
  /// decoded and checked; otherwise bytes ≥ 0x80 are accepted in identifiers as they are.
  var isUTF8 = true

  /// More diagnostics than this for one file add nothing (CPython reports only the first) and
  /// would cost memory on binary garbage; further problems still become error tokens.
  static let maximumDiagnostics = 1000

  private init(source: SourceBuffer, bytes: UnsafeBufferPointer<UInt8>) {
    self.source = source
    self.bytes = bytes
    self.end = bytes.count
    // Real code averages about six bytes per token; a quarter of the size rarely reallocates.
    tokens = LexerTokenBuffer(capacity: bytes.count / 4 + 16)
    byteClasses = LexerByteClass.table
    keywordWords = LexerKeywordTable.words
    keywordKinds = LexerKeywordTable.kinds
  }

  /// Splits `source` into tokens. Never fails; problems become `.error` tokens and diagnostics.
  static func tokenize(_ source: SourceBuffer) -> (TokenTable, [SyntaxDiagnostic]) {
    source.bytes.withUnsafeBufferPointer { buffer in
      var lexer = Lexer(source: source, bytes: buffer)
      defer { lexer.tokens.deallocate() }
      lexer.lexFile()
      return (lexer.tokens.makeTable(sourceLength: buffer.count), lexer.diagnostics)
    }
  }

  // MARK: Main loop

  private mutating func lexFile() {
    checkEncoding()
    while true {
      if let kind = topModeKind, kind != .replacementField {
        if kind == .fString { lexFStringText() } else { lexFormatSpecText() }
        continue
      }
      if atLineStart && !beginLine() { continue }
      guard position < end else { break }
      let byte = bytes[position]
      switch byte {
      case UInt8(ascii: " "), UInt8(ascii: "\t"), 0x0C:
        // Leading trivia: indentation of a line inside brackets or after a continuation.
        position += 1
      case UInt8(ascii: "#"):
        skipComment()
      case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
        lexLineBreak()
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
        lexNameOrPrefixedString()
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        lexNumber()
      case UInt8(ascii: "\""), UInt8(ascii: "'"):
        lexString(prefixStart: position, prefix: StringPrefix())
      case UInt8(ascii: "."):
        if isDigit(peek(1)) { lexNumber() } else { lexPunctuation() }
      case UInt8(ascii: "\\"):
        lexBackslash()
      case 0x80...:
        lexNonASCII()
      default:
        lexPunctuation()
      }
    }
    finishFile()
  }

  // MARK: Bytes

  /// The byte `offset` places ahead of the cursor, or 0 past the end.
  @inline(__always) func peek(_ offset: Int = 0) -> UInt8 {
    let index = position + offset
    return index < end ? bytes[index] : 0
  }

  @inline(__always) func isDigit(_ byte: UInt8) -> Bool {
    byte &- UInt8(ascii: "0") < 10
  }

  /// Length of the line break at `index` (`\r\n` is one break of two bytes), or 0.
  @inline(__always) func lineBreakLength(at index: Int) -> Int {
    guard index < end else { return 0 }
    let byte = bytes[index]
    if byte == UInt8(ascii: "\n") { return 1 }
    if byte == UInt8(ascii: "\r") { return index + 1 < end && bytes[index + 1] == UInt8(ascii: "\n") ? 2 : 1 }
    return 0
  }

  // MARK: Emitting tokens

  /// Records a token whose text runs from `start` to the cursor, then skips its trailing trivia
  /// (unless the cursor is inside f-string text, where spaces are text).
  @inline(__always) mutating func emit(_ kind: TokenKind, from start: Int) {
    tokens.append(kind, leadingStart: leadingStart, textStart: start, textEnd: position)
    lineHasTokens = true
    if topModeKind == nil || topModeKind == .replacementField { skipTrailingTrivia() }
    leadingStart = position
  }

  /// Records a NEWLINE, INDENT or DEDENT token spanning `start..<end` with no trailing trivia.
  @inline(__always) mutating func emitLayout(_ kind: TokenKind, from start: Int, to textEnd: Int) {
    tokens.append(kind, leadingStart: leadingStart, textStart: start, textEnd: textEnd)
    leadingStart = textEnd
  }

  /// Records a diagnostic from `start` to `end`.
  mutating func report(_ message: String, from start: Int, to end: Int? = nil) {
    guard diagnostics.count < Lexer.maximumDiagnostics else { return }
    diagnostics.append(
      SyntaxDiagnostic(
        offset: UInt32(truncatingIfNeeded: start), endOffset: UInt32(truncatingIfNeeded: end ?? start),
        message: message))
  }

  /// The 1-based line of `offset`.
  func line(of offset: Int) -> Int {
    source.line(of: UInt32(truncatingIfNeeded: offset))
  }

  /// The line CPython names in "detected at line N": the end of the file counts as the last
  /// line that has bytes, not as the empty line after a final line break.
  func detectionLine(_ offset: Int) -> Int {
    line(of: offset == end && offset > 0 ? offset - 1 : offset)
  }

  // MARK: Trivia

  /// Skips spaces, tabs, form feeds, backslash continuations and a comment, stopping before the
  /// next line break (which either ends the logical line or leads the next token).
  @inline(__always) mutating func skipTrailingTrivia() {
    while position < end {
      switch bytes[position] {
      case UInt8(ascii: " "), UInt8(ascii: "\t"), 0x0C:
        position += 1
      case UInt8(ascii: "#"):
        skipComment()
        return
      case UInt8(ascii: "\\"):
        let length = lineBreakLength(at: position + 1)
        guard length > 0 else { return }
        position += 1 + length
      default:
        return
      }
    }
  }

  /// Skips `#` and the rest of the physical line, not its line break.
  mutating func skipComment() {
    position += 1
    skipToLineBreak()
  }

  /// A line break: the NEWLINE token of a logical line with tokens outside brackets, trivia
  /// otherwise (blank lines, comment lines, line breaks inside brackets and replacement fields).
  private mutating func lexLineBreak() {
    let start = position
    position += lineBreakLength(at: position)
    guard bracketDepth == 0 else { return }
    if lineHasTokens {
      emitLayout(.newline, from: start, to: position)
      lineHasTokens = false
    }
    atLineStart = true
  }

  /// A backslash outside a string: a line continuation (trivia) when a line break follows,
  /// otherwise an error.
  private mutating func lexBackslash() {
    let length = lineBreakLength(at: position + 1)
    if length > 0 {
      position += 1 + length
      return
    }
    let start = position
    position += 1
    if position >= end {
      report("unexpected EOF while parsing", from: start, to: position)
    } else {
      report("unexpected character after line continuation character", from: start, to: position)
    }
    emit(.error, from: start)
  }

  // MARK: End of file

  /// Closes what is still open: f-strings, the last logical line, the indentation blocks.
  private mutating func finishFile() {
    if let outermost = modes.first {
      reportUnterminatedFString(outermost, detectedAt: end)
      while !modes.isEmpty { popMode() }
    }
    if lineHasTokens {
      // Zero width, right after the last token's trailing trivia; trailing blank or comment lines
      // inside unclosed brackets lead the end-of-file token.
      emitLayout(.newline, from: leadingStart, to: leadingStart)
      lineHasTokens = false
    }
    while indentColumns.count > 1 {
      indentColumns.removeLast()
      alternateIndentColumns.removeLast()
      emitLayout(.dedent, from: leadingStart, to: leadingStart)
    }
    tokens.append(.endOfFile, leadingStart: leadingStart, textStart: end, textEnd: end)
  }

  // MARK: Modes

  mutating func pushMode(_ mode: LexerMode) {
    modes.append(mode)
    topModeKind = mode.kind
    topFieldDepth = mode.fieldDepth
  }

  @discardableResult
  mutating func popMode() -> LexerMode {
    let mode = modes.removeLast()
    topModeKind = modes.last?.kind
    topFieldDepth = modes.last?.fieldDepth ?? 0
    return mode
  }

  mutating func setTopModeKind(_ kind: LexerMode.Kind) {
    modes[modes.count - 1].kind = kind
    topModeKind = kind
  }
}
