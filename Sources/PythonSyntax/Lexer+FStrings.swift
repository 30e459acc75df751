/// One open f-string (or t-string), replacement field or format spec on the lexer's mode stack.
///
/// PEP 701 lets f-strings nest inside replacement fields without limit (`f"{f'{x:{y}}'}"`), so the
/// lexer keeps an explicit stack instead of recursing: the top entry says how to read the next
/// bytes (f-string text, ordinary tokens, or format-spec text).
struct LexerMode {
  enum Kind: UInt8 {
    /// Literal text of an f-string, up to `{` or the closing quote.
    case fString
    /// Ordinary tokens between a field's `{` and its `}` or top-level `:`.
    case replacementField
    /// Literal text of a format spec, up to a nested field's `{` or the field's `}`.
    case formatSpec
  }

  var kind: Kind
  /// The f-string's quote byte (`"` or `'`).
  var quote: UInt8
  var isTriple: Bool
  var isRaw: Bool
  /// A t-string: its tokens are the `tString*` kinds.
  var isTemplate: Bool
  /// Fields and specs: the bracket depth inside the field's braces. F-strings: the depth outside.
  var fieldDepth: Int
  /// Offset of the f-string's prefix, for "unterminated" diagnostics.
  var start: Int
}

extension Lexer {
  /// The text of an f-string up to a replacement field, the closing quote, or the end of the
  /// line (single quotes) or file, where it is unterminated.
  mutating func lexFStringText() {
    let mode = modes[modes.count - 1]
    let start = position
    while position < end {
      let byte = bytes[position]
      switch byte {
      case mode.quote:
        guard !mode.isTriple || (peek(1) == mode.quote && peek(2) == mode.quote) else {
          position += 1
          continue
        }
        emitFStringMiddle(from: start, template: mode.isTemplate)
        let quoteStart = position
        position += mode.isTriple ? 3 : 1
        popMode()
        emit(mode.isTemplate ? .tStringEnd : .fStringEnd, from: quoteStart)
        return
      case UInt8(ascii: "{"):
        if peek(1) == UInt8(ascii: "{") {
          position += 2
          continue
        }
        emitFStringMiddle(from: start, template: mode.isTemplate)
        openReplacementField(of: mode)
        return
      case UInt8(ascii: "}"):
        if peek(1) != UInt8(ascii: "}") {
          report("f-string: single '}' is not allowed", from: position, to: position + 1)
          position += 1
        } else {
          position += 2
        }
      case UInt8(ascii: "\\"):
        skipFStringEscape(isRaw: mode.isRaw)
      case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
        guard mode.isTriple else {
          unterminatedFString(from: start)
          return
        }
        position += 1
      default:
        position += 1
      }
    }
    position = end
    unterminatedFString(from: start)
  }

  /// The literal text of a format spec, up to a nested field's `{` or the `}` closing the field.
  mutating func lexFormatSpecText() {
    let mode = modes[modes.count - 1]
    let start = position
    while position < end {
      let byte = bytes[position]
      switch byte {
      case UInt8(ascii: "{"):
        emitFStringMiddle(from: start, template: mode.isTemplate)
        openReplacementField(of: mode)
        return
      case UInt8(ascii: "}"):
        emitFStringMiddle(from: start, template: mode.isTemplate)
        let braceStart = position
        position += 1
        bracketDepth = mode.fieldDepth - 1
        popMode()
        emit(.rightBrace, from: braceStart)
        return
      case mode.quote where !mode.isTriple || (peek(1) == mode.quote && peek(2) == mode.quote):
        // The f-string ends inside the spec: close the field and let the f-string end.
        emitFStringMiddle(from: start, template: mode.isTemplate)
        report("f-string: expecting '}'", from: position)
        bracketDepth = mode.fieldDepth - 1
        popMode()
        return
      case UInt8(ascii: "\\"):
        skipFStringEscape(isRaw: mode.isRaw)
      case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
        guard mode.isTriple else {
          emitFStringMiddle(from: start, template: mode.isTemplate)
          report("f-string: newlines are not allowed in format specifiers for single quoted f-strings", from: position)
          bracketDepth = mode.fieldDepth - 1
          popMode()
          return
        }
        position += 1
      default:
        position += 1
      }
    }
    position = end
    emitFStringMiddle(from: start, template: mode.isTemplate)
    bracketDepth = mode.fieldDepth - 1
    popMode()
  }

  /// Emits `{` and enters a replacement field of the f-string described by `mode`.
  private mutating func openReplacementField(of mode: LexerMode) {
    let braceStart = position
    position += 1
    bracketDepth += 1
    var field = mode
    field.kind = .replacementField
    field.fieldDepth = bracketDepth
    pushMode(field)
    emit(.leftBrace, from: braceStart)
  }

  /// The literal text from `start` to the cursor, if any, as one middle token.
  @inline(__always) private mutating func emitFStringMiddle(from start: Int, template: Bool) {
    guard position > start else { return }
    emit(template ? .tStringMiddle : .fStringMiddle, from: start)
  }

  /// A backslash in f-string text: it takes the next byte (a quote or line break included) as
  /// CPython does, even in raw f-strings, except a brace, which stays a brace. `\N{…}` is one
  /// escape in non-raw f-strings, so its braces are not a field.
  private mutating func skipFStringEscape(isRaw: Bool) {
    let next = peek(1)
    if next == UInt8(ascii: "{") || next == UInt8(ascii: "}") {
      position += 1
      return
    }
    if !isRaw && next == UInt8(ascii: "N") && peek(2) == UInt8(ascii: "{") {
      var index = position + 3
      while index < end {
        let byte = bytes[index]
        if byte == UInt8(ascii: "}") {
          position = index + 1
          return
        }
        if !isASCIIIdentifierByte(byte) && byte != UInt8(ascii: " ") && byte != UInt8(ascii: "-") { break }
        index += 1
      }
      position += 2
      return
    }
    position = min(end, position + 1 + max(1, lineBreakLength(at: position + 1)))
  }

  /// The f-string on top of the stack ends without its closing quote: its remaining text
  /// (from `start`) becomes an error token, and the lexer continues after it.
  private mutating func unterminatedFString(from start: Int) {
    let mode = popMode()
    reportUnterminatedFString(mode, detectedAt: position)
    if position > start { emit(.error, from: start) }
  }

  /// "unterminated f-string literal (detected at line N)" at the f-string's prefix.
  mutating func reportUnterminatedFString(_ mode: LexerMode, detectedAt offset: Int) {
    let kind = mode.isTemplate ? "t-string" : "f-string"
    let triple = mode.isTriple ? "triple-quoted " : ""
    report(
      "unterminated \(triple)\(kind) literal (detected at line \(detectionLine(offset)))", from: mode.start, to: offset)
  }
}
