/// Scanning eight bytes at a time ("SIMD within a register") for the long runs where the lexer
/// only looks for a few stop bytes: comments, string bodies, indentation, encoding checks.
enum LexerWordScan {
  static let ones: UInt64 = 0x0101_0101_0101_0101
  static let highBits: UInt64 = 0x8080_8080_8080_8080

  /// High bit set in each byte of `word` equal to `byte`. Bytes above a match may also be flagged
  /// (borrows), but the lowest flagged byte is always a true match, which is all callers use.
  @inline(__always) static func matches(_ word: UInt64, _ byte: UInt8) -> UInt64 {
    let difference = word ^ (ones &* UInt64(byte))
    return (difference &- ones) & ~difference & highBits
  }

  /// The index (0–7) of the lowest flagged byte of a non-zero match mask.
  @inline(__always) static func firstIndex(_ mask: UInt64) -> Int {
    mask.trailingZeroBitCount &>> 3
  }
}

extension Lexer {
  /// The eight bytes at `index` (which must be at most `end - 8`), first byte lowest.
  @inline(__always) func word(at index: Int) -> UInt64 {
    UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self).littleEndian
  }

  /// Moves the cursor to the next `\n` or `\r` (or the end).
  @inline(__always) mutating func skipToLineBreak() {
    while position + 8 <= end {
      let chunk = word(at: position)
      let mask = LexerWordScan.matches(chunk, UInt8(ascii: "\n")) | LexerWordScan.matches(chunk, UInt8(ascii: "\r"))
      if mask != 0 {
        position += LexerWordScan.firstIndex(mask)
        return
      }
      position += 8
    }
    while position < end && bytes[position] != UInt8(ascii: "\n") && bytes[position] != UInt8(ascii: "\r") {
      position += 1
    }
  }

  /// Moves the cursor to the next `quote` or backslash, and also line break unless
  /// `skippingLineBreaks` (or the end).
  @inline(__always) mutating func skipStringText(quote: UInt8, skippingLineBreaks: Bool) {
    while position + 8 <= end {
      let chunk = word(at: position)
      var mask = LexerWordScan.matches(chunk, quote) | LexerWordScan.matches(chunk, UInt8(ascii: "\\"))
      if !skippingLineBreaks {
        mask |= LexerWordScan.matches(chunk, UInt8(ascii: "\n")) | LexerWordScan.matches(chunk, UInt8(ascii: "\r"))
      }
      if mask != 0 {
        position += LexerWordScan.firstIndex(mask)
        return
      }
      position += 8
    }
    while position < end {
      let byte = bytes[position]
      if byte == quote || byte == UInt8(ascii: "\\") { return }
      if !skippingLineBreaks && (byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")) { return }
      position += 1
    }
  }

  /// Moves the cursor past a run of spaces, returning how many.
  @inline(__always) mutating func skipSpaces() -> Int {
    let start = position
    while position + 8 <= end {
      let difference = word(at: position) ^ (LexerWordScan.ones &* UInt64(UInt8(ascii: " ")))
      if difference != 0 {
        // The lowest non-zero byte of the difference is the first byte that is not a space.
        position += difference.trailingZeroBitCount &>> 3
        return position - start
      }
      position += 8
    }
    while position < end && bytes[position] == UInt8(ascii: " ") { position += 1 }
    return position - start
  }
}

extension Lexer {
  /// The end of the run of ASCII identifier bytes (letters, digits, `_`) starting at `index`.
  ///
  /// Classifies eight bytes per step with range tests on bytes whose high bit is cleared (so no
  /// sum carries into the next byte), which also spares the branch mispredicted at the end of
  /// almost every name by a byte-at-a-time loop.
  @inline(__always) func asciiIdentifierEnd(from index: Int) -> Int {
    var index = index
    let ones = LexerWordScan.ones
    let highBits = LexerWordScan.highBits
    while index + 8 <= end {
      let chunk = word(at: index)
      let low = chunk & ~highBits
      let folded = low | (ones &* 0x20)
      // Each sum has its high bit set when the byte is at least the range start (or past the end).
      let letters = (folded &+ ones &* (0x80 - 0x61)) & ~(folded &+ ones &* (0x7F - 0x7A))
      let digits = (low &+ ones &* (0x80 - 0x30)) & ~(low &+ ones &* (0x7F - 0x39))
      let notUnderscore = low ^ (ones &* 0x5F)
      let nonZero = ((notUnderscore & ~highBits) &+ ~highBits) | notUnderscore
      let identifier = (letters | digits | ~nonZero) & ~chunk & highBits
      let stops = ~identifier & highBits
      if stops != 0 { return index + LexerWordScan.firstIndex(stops) }
      index += 8
    }
    while index < end && isASCIIIdentifierByte(bytes[index]) { index += 1 }
    return index
  }
}
