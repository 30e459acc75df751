/// The letters before a string's opening quote, decoded.
struct StringPrefix {
  var isRaw = false
  var isBytes = false
  /// `f`: an f-string (PEP 498/701).
  var isFormatted = false
  /// `t`: a template string (PEP 750).
  var isTemplate = false

  init() {}

  /// Decodes `bytes[start..<end]` as a prefix (`r`, `u`, `b`, `f`, `t` and the two-letter
  /// combinations of `r` with `b`, `f` or `t`, in any order and case); nil for any other name.
  init?(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
    guard end - start <= 2 else { return nil }
    var hasUnicode = false
    for index in start..<end {
      switch bytes[index] | 0x20 {
      case UInt8(ascii: "r"):
        if isRaw { return nil }
        isRaw = true
      case UInt8(ascii: "b"):
        if isBytes { return nil }
        isBytes = true
      case UInt8(ascii: "f"):
        if isFormatted { return nil }
        isFormatted = true
      case UInt8(ascii: "t"):
        if isTemplate { return nil }
        isTemplate = true
      case UInt8(ascii: "u"):
        hasUnicode = true
      default:
        return nil
      }
    }
    // `u` stands alone; `b`, `f` and `t` exclude each other.
    if hasUnicode && end - start != 1 { return nil }
    if (isBytes ? 1 : 0) + (isFormatted ? 1 : 0) + (isTemplate ? 1 : 0) > 1 { return nil }
  }
}

extension Lexer {
  /// A string literal whose prefix starts at `prefixStart` and whose opening quote is at the
  /// cursor. f- and t-strings only get their start token here and continue in f-string mode.
  mutating func lexString(prefixStart: Int, prefix: StringPrefix) {
    let quote = bytes[position]
    let isTriple = peek(1) == quote && peek(2) == quote
    position += isTriple ? 3 : 1
    if prefix.isFormatted || prefix.isTemplate {
      pushMode(
        LexerMode(
          kind: .fString, quote: quote, isTriple: isTriple, isRaw: prefix.isRaw, isTemplate: prefix.isTemplate,
          fieldDepth: bracketDepth, start: prefixStart))
      emit(prefix.isTemplate ? .tStringStart : .fStringStart, from: prefixStart)
      return
    }
    if isTriple {
      while true {
        skipStringText(quote: quote, skippingLineBreaks: true)
        guard position < end else { break }
        if bytes[position] == quote {
          if peek(1) == quote && peek(2) == quote {
            position += 3
            emit(.string, from: prefixStart)
            return
          }
          position += 1
        } else {
          // A backslash takes the next byte, or the next line break.
          position += 1 + max(1, lineBreakLength(at: position + 1))
        }
      }
      position = end
      report(
        "unterminated triple-quoted string literal (detected at line \(detectionLine(end)))", from: prefixStart, to: end
      )
      emit(.error, from: prefixStart)
      return
    }
    while true {
      skipStringText(quote: quote, skippingLineBreaks: false)
      guard position < end else { break }
      let byte = bytes[position]
      if byte == quote {
        position += 1
        emit(.string, from: prefixStart)
        return
      } else if byte == UInt8(ascii: "\\") {
        position += 1 + max(1, lineBreakLength(at: position + 1))
      } else {
        break
      }
    }
    // A backslash as the last byte skips past the end.
    position = min(position, end)
    report("unterminated string literal (detected at line \(detectionLine(position)))", from: prefixStart, to: position)
    emit(.error, from: prefixStart)
  }
}
