extension Lexer {
  /// An integer, float or imaginary literal starting at a digit or at `.` followed by a digit.
  ///
  /// Malformed literals (`0777`, `1__0`, `0b12`, `1abc`) stay one `.number` token (the bad bytes
  /// included) with CPython's message, so no byte is lost and the parser sees an operand.
  mutating func lexNumber() {
    let start = position
    if bytes[position] == UInt8(ascii: "0") {
      switch peek(1) | 0x20 {
      case UInt8(ascii: "x"):
        lexPrefixedInteger(start: start, radix: 16, name: "hexadecimal")
        return
      case UInt8(ascii: "o"):
        lexPrefixedInteger(start: start, radix: 8, name: "octal")
        return
      case UInt8(ascii: "b"):
        lexPrefixedInteger(start: start, radix: 2, name: "binary")
        return
      default:
        break
      }
    }
    var isInteger = true
    if bytes[position] != UInt8(ascii: ".") {
      skipDecimalDigits()
    }
    let integerEnd = position
    if peek() == UInt8(ascii: ".") {
      isInteger = false
      position += 1
      if isDigit(peek()) { skipDecimalDigits() }
    }
    if peek() | 0x20 == UInt8(ascii: "e") {
      // An exponent needs digits; otherwise `e` starts the next token (`1else`).
      var digitAt = position + 1
      if digitAt < end && (bytes[digitAt] == UInt8(ascii: "+") || bytes[digitAt] == UInt8(ascii: "-")) {
        digitAt += 1
      }
      if digitAt < end && isDigit(bytes[digitAt]) {
        isInteger = false
        position = digitAt
        skipDecimalDigits()
      }
    }
    if peek() | 0x20 == UInt8(ascii: "j") {
      isInteger = false
      position += 1
    }
    if isInteger && bytes[start] == UInt8(ascii: "0") {
      var index = start
      while index < integerEnd && (bytes[index] == UInt8(ascii: "0") || bytes[index] == UInt8(ascii: "_")) {
        index += 1
      }
      if index < integerEnd {
        report(
          "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
          from: start, to: integerEnd)
      }
    }
    finishNumber(start: start, name: "decimal")
  }

  /// Digits and single underscores between digits; a misplaced underscore is reported and kept.
  private mutating func skipDecimalDigits() {
    while position < end {
      let byte = bytes[position]
      if isDigit(byte) {
        position += 1
      } else if byte == UInt8(ascii: "_") {
        position += 1
        if !isDigit(peek()) {
          report("invalid decimal literal", from: position - 1, to: position)
          while peek() == UInt8(ascii: "_") { position += 1 }
        }
      } else {
        return
      }
    }
  }

  /// `0x…`, `0o…`, `0b…`: digits of the radix with underscores; decimal digits beyond the radix
  /// are reported and kept.
  private mutating func lexPrefixedInteger(start: Int, radix: Int, name: String) {
    position += 2
    var digits = 0
    var reported = false
    while position < end {
      let byte = bytes[position]
      let value: Int
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): value = Int(byte &- UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): value = Int(byte &- UInt8(ascii: "a")) + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): value = Int(byte &- UInt8(ascii: "A")) + 10
      case UInt8(ascii: "_"):
        position += 1
        if position >= end || bytes[position] == UInt8(ascii: "_") || !isHexDigit(bytes[position]) {
          if !reported { report("invalid \(name) literal", from: start, to: position) }
          reported = true
        }
        continue
      default: value = 99
      }
      if value >= 16 || (value >= 10 && radix < 16) { break }
      if value >= radix {
        if !reported {
          report(
            "invalid digit '\(Character(Unicode.Scalar(byte)))' in \(name) literal", from: position, to: position + 1)
        }
        reported = true
      }
      digits += 1
      position += 1
    }
    if digits == 0 && !reported {
      report("invalid \(name) literal", from: start, to: position)
      reported = true
    }
    finishNumber(start: start, name: reported ? nil : name)
  }

  @inline(__always) private func isHexDigit(_ byte: UInt8) -> Bool {
    isDigit(byte) || (byte | 0x20) &- UInt8(ascii: "a") < 6
  }

  /// Ends a number as CPython's `verify_end_of_number` does: a keyword may follow directly
  /// (`1if x else y`, deprecated but valid); other identifier bytes are an invalid literal and are
  /// kept in the token. `name` is nil when the literal was already reported.
  private mutating func finishNumber(start: Int, name: String?) {
    if position < end && isASCIIIdentifierByte(bytes[position]) && !keywordFollows() {
      while position < end && isASCIIIdentifierByte(bytes[position]) { position += 1 }
      if let name { report("invalid \(name) literal", from: start, to: position) }
    }
    emit(.number, from: start)
  }

  /// Whether the bytes at the cursor start one of the keywords CPython lets follow a number.
  private func keywordFollows() -> Bool {
    switch peek() {
    case UInt8(ascii: "a"): return peek(1) == UInt8(ascii: "n") && peek(2) == UInt8(ascii: "d")
    case UInt8(ascii: "e"):
      return peek(1) == UInt8(ascii: "l") && peek(2) == UInt8(ascii: "s") && peek(3) == UInt8(ascii: "e")
    case UInt8(ascii: "f"): return peek(1) == UInt8(ascii: "o") && peek(2) == UInt8(ascii: "r")
    case UInt8(ascii: "i"):
      let next = peek(1)
      return next == UInt8(ascii: "f") || next == UInt8(ascii: "n") || next == UInt8(ascii: "s")
    case UInt8(ascii: "o"): return peek(1) == UInt8(ascii: "r")
    case UInt8(ascii: "n"): return peek(1) == UInt8(ascii: "o") && peek(2) == UInt8(ascii: "t")
    default: return false
    }
  }
}
