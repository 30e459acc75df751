extension Lexer {
  /// Brackets, operators and delimiters (longest match), and the bytes no token starts with.
  mutating func lexPunctuation() {
    let start = position
    let byte = bytes[position]
    let next = peek(1)
    position += 1
    let kind: TokenKind
    switch byte {
    case UInt8(ascii: "("):
      bracketDepth += 1
      kind = .leftParen
    case UInt8(ascii: "["):
      bracketDepth += 1
      kind = .leftSquare
    case UInt8(ascii: "{"):
      bracketDepth += 1
      kind = .leftBrace
    case UInt8(ascii: ")"):
      closeBracket()
      kind = .rightParen
    case UInt8(ascii: "]"):
      closeBracket()
      kind = .rightSquare
    case UInt8(ascii: "}"):
      if topModeKind == .replacementField && bracketDepth == topFieldDepth {
        // The end of an f-string replacement field: back to the f-string's text.
        bracketDepth -= 1
        popMode()
      } else {
        closeBracket()
      }
      kind = .rightBrace
    case UInt8(ascii: ":"):
      if topModeKind == .replacementField && bracketDepth == topFieldDepth {
        // A colon at the top level of a replacement field starts its format spec (even `:=`).
        setTopModeKind(.formatSpec)
        kind = .colon
      } else if next == UInt8(ascii: "=") {
        position += 1
        kind = .colonEqual
      } else {
        kind = .colon
      }
    case UInt8(ascii: ","): kind = .comma
    case UInt8(ascii: ";"): kind = .semicolon
    case UInt8(ascii: "~"): kind = .tilde
    case UInt8(ascii: "."):
      if next == UInt8(ascii: ".") && peek(1) == UInt8(ascii: ".") {
        position += 2
        kind = .ellipsis
      } else {
        kind = .dot
      }
    case UInt8(ascii: "+"): kind = withEqual(next, .plus, .plusEqual)
    case UInt8(ascii: "%"): kind = withEqual(next, .percent, .percentEqual)
    case UInt8(ascii: "@"): kind = withEqual(next, .at, .atEqual)
    case UInt8(ascii: "|"): kind = withEqual(next, .pipe, .pipeEqual)
    case UInt8(ascii: "&"): kind = withEqual(next, .ampersand, .ampersandEqual)
    case UInt8(ascii: "^"): kind = withEqual(next, .caret, .caretEqual)
    case UInt8(ascii: "="): kind = withEqual(next, .equal, .equalEqual)
    case UInt8(ascii: "!"): kind = withEqual(next, .exclamation, .notEqual)
    case UInt8(ascii: "-"):
      if next == UInt8(ascii: ">") {
        position += 1
        kind = .arrow
      } else {
        kind = withEqual(next, .minus, .minusEqual)
      }
    case UInt8(ascii: "*"):
      if next == UInt8(ascii: "*") {
        position += 1
        kind = withEqual(peek(), .doubleStar, .doubleStarEqual)
      } else {
        kind = withEqual(next, .star, .starEqual)
      }
    case UInt8(ascii: "/"):
      if next == UInt8(ascii: "/") {
        position += 1
        kind = withEqual(peek(), .doubleSlash, .doubleSlashEqual)
      } else {
        kind = withEqual(next, .slash, .slashEqual)
      }
    case UInt8(ascii: "<"):
      switch next {
      case UInt8(ascii: "<"):
        position += 1
        kind = withEqual(peek(), .leftShift, .leftShiftEqual)
      case UInt8(ascii: ">"):
        position += 1
        kind = .lessGreater
      default:
        kind = withEqual(next, .less, .lessEqual)
      }
    case UInt8(ascii: ">"):
      if next == UInt8(ascii: ">") {
        position += 1
        kind = withEqual(peek(), .rightShift, .rightShiftEqual)
      } else {
        kind = withEqual(next, .greater, .greaterEqual)
      }
    case 0:
      // Reported once for the whole file by `checkEncoding`; a run of them is one token.
      while position < end && bytes[position] == 0 { position += 1 }
      kind = .error
    case UInt8(ascii: "$"), UInt8(ascii: "?"), UInt8(ascii: "`"):
      report("invalid syntax", from: start, to: position)
      kind = .error
    default:
      // Other ASCII control characters.
      report(invalidCharacterMessage(Unicode.Scalar(byte)), from: start, to: position)
      kind = .error
    }
    emit(kind, from: start)
  }

  /// `plain`, or `withEqual` (consuming the `=`) when `next` is `=`.
  @inline(__always) private mutating func withEqual(_ next: UInt8, _ plain: TokenKind, _ withEqual: TokenKind)
    -> TokenKind
  {
    guard next == UInt8(ascii: "=") else { return plain }
    position += 1
    return withEqual
  }

  /// A closing bracket: one level less, but never below the innermost replacement field's brace
  /// (or 0), so a stray closer cannot end a field or make line breaks significant too early.
  @inline(__always) private mutating func closeBracket() {
    let floor = topModeKind == .replacementField ? topFieldDepth : 0
    if bracketDepth > floor { bracketDepth -= 1 }
  }
}
