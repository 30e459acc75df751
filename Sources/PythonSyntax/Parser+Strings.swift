/// String literals: implicit concatenation, f-strings and t-strings (PEP 701, PEP 750).
///
/// The lexer splits an f-string into `fStringStart`, literal `fStringMiddle` text, the brackets
/// and tokens of each replacement field, and `fStringEnd` (likewise `tString*`). Adjacent literals
/// form ONE node: `.templateString` if any part is a t-string, else `.formattedString` if any part
/// is an f-string, else `.constant`.
extension Parser {
  /// Parses one or more adjacent string literals (current token starts one).
  mutating func parseStrings() {
    let marker = mark()
    var kind = NodeKind.constant
    var sawBytes = false
    var sawText = false
    var sawTemplate = false
    var progress = LoopProgress()
    scan: while progress.advanced(self) {
      switch current {
      case .string:
        if stringIsBytes(position) { sawBytes = true } else { sawText = true }
        if let problem = stringLiteralError(position) { error(problem) }
        bump()
      case .fStringStart:
        sawText = true
        if kind == .constant { kind = .formattedString }
        parseFormattedStringBody(field: .formattedValue)
      case .tStringStart:
        sawTemplate = true
        kind = .templateString
        parseFormattedStringBody(field: .interpolation)
      default:
        break scan
      }
    }
    if sawBytes && sawText {
      error("cannot mix bytes and nonbytes literals", at: marker.token)
    } else if sawTemplate && (sawBytes || sawText) {
      error("cannot mix t-string literals with string or bytes literals", at: marker.token)
    }
    finish(kind, marker)
  }

  /// Whether string token `index` is a bytes literal: its prefix (the letters before the quote)
  /// holds a `b`.
  private func stringIsBytes(_ index: UInt32) -> Bool {
    var offset = Int(tokens.textStarts[Int(index)])
    let end = Int(tokens.textEnds[Int(index)])
    while offset < end {
      switch source.bytes[offset] {
      case UInt8(ascii: "b"), UInt8(ascii: "B"): return true
      case UInt8(ascii: "\""), UInt8(ascii: "'"): return false
      default: offset += 1
      }
    }
    return false
  }

  /// Whether f- or t-string start token `index` has an `r` in its prefix.
  private func formattedStringIsRaw(_ index: UInt32) -> Bool {
    let range = tokens.textRange(index)
    return source.bytes[Int(range.lowerBound)..<Int(range.upperBound)].contains { $0 | 0x20 == UInt8(ascii: "r") }
  }

  /// From an f-/t-string start token through its end token: literal text and replacement fields
  /// (`field` nodes). An unterminated string ends where the lexer stopped it.
  private mutating func parseFormattedStringBody(field: NodeKind) {
    let isRaw = formattedStringIsRaw(position)
    bump()
    var progress = LoopProgress()
    while progress.advanced(self) {
      switch current {
      case .fStringMiddle, .tStringMiddle:
        if !isRaw, let problem = formattedStringMiddleError(position) { error(problem) }
        bump()
      case .error:
        bump()
      case .leftBrace:
        parseReplacementField(field)
      case .fStringEnd, .tStringEnd:
        bump()
        return
      default:
        // The lexer ends every string it starts; anything else means it gave up (end of line or
        // file inside the string) and reported why.
        return
      }
    }
  }

  /// `{ (yield_expr | star_expressions) ['='] ['!' name] [':' format_spec] }` as a `field` node
  /// spanning the braces (current token is `{`).
  private mutating func parseReplacementField(_ field: NodeKind) {
    let marker = mark()
    let opener = position
    guard enterNesting() else {
      skipTokens(stopAfterGroup: true)
      return
    }
    let stringKind = field == .interpolation ? "t-string" : "f-string"
    bump()
    switch current {
    case .yieldKeyword:
      parseYieldExpression()
    case .rightBrace, .equal, .exclamation, .colon:
      error("\(stringKind): valid expression required before '\(current.fixedText ?? "}")'")
      recordMissingExpression()
    default:
      parseStarExpressions()
    }
    // `f"{x=}"`: the debugging specifier.
    _ = eat(.equal)
    if eat(.exclamation) {
      if current == .name {
        let range = tokens.textRange(position)
        let conversion = String(decoding: source.bytes[Int(range.lowerBound)..<Int(range.upperBound)], as: UTF8.self)
        if conversion != "s" && conversion != "r" && conversion != "a" {
          error("\(stringKind): invalid conversion character '\(conversion)': expected 's', 'r', or 'a'")
        }
        bump()
      } else {
        error("\(stringKind): missing conversion character")
      }
    }
    if current == .colon { parseFormatSpec() }
    expectClosing(.rightBrace, opener: opener)
    leaveNesting()
    finish(field, marker)
  }

  /// `: spec` of a replacement field: a `.formatSpec` spanning the colon (CPython's format-spec
  /// `JoinedStr` starts at it) through the literal text and nested fields before the `}`. Nested
  /// fields are `.formattedValue` even in a t-string: CPython formats them eagerly into the spec.
  private mutating func parseFormatSpec() {
    let marker = mark()
    bump()
    var progress = LoopProgress()
    scan: while progress.advanced(self) {
      switch current {
      case .fStringMiddle, .tStringMiddle:
        bump()
      case .leftBrace:
        parseReplacementField(.formattedValue)
      default:
        break scan
      }
    }
    finish(.formatSpec, marker)
  }
}
