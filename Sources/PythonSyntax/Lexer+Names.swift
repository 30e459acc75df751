/// Classes of bytes the lexer tests in its inner loops, as bits in a 256-entry table.
enum LexerByteClass {
  /// ASCII letters, digits and `_`.
  static let identifier: UInt8 = 1

  /// The table, allocated once and never freed (a pointer: no bounds or lazy-global checks in
  /// the loops that use it).
  nonisolated(unsafe) static let table: UnsafePointer<UInt8> = {
    let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
    table.initialize(repeating: 0, count: 256)
    for byte in 0..<256 {
      let value = UInt8(byte)
      if (value | 0x20) &- UInt8(ascii: "a") < 26 || value &- UInt8(ascii: "0") < 10 || value == UInt8(ascii: "_") {
        table[byte] |= identifier
      }
    }
    return UnsafePointer(table)
  }()
}

extension Lexer {
  /// Whether `byte` continues an ASCII identifier.
  @inline(__always) func isASCIIIdentifierByte(_ byte: UInt8) -> Bool {
    byteClasses[Int(byte)] & LexerByteClass.identifier != 0
  }

  /// An identifier or keyword starting with an ASCII letter or `_`, or the prefix of a string.
  mutating func lexNameOrPrefixedString() {
    let start = position
    position = asciiIdentifierEnd(from: position + 1)
    if position < end {
      let next = bytes[position]
      if next == UInt8(ascii: "\"") || next == UInt8(ascii: "'") {
        if let prefix = StringPrefix(bytes, from: start, to: position) {
          lexString(prefixStart: start, prefix: prefix)
          return
        }
      } else if next >= 0x80 {
        let asciiEnd = position
        skipIdentifierContinuation()
        if position > asciiEnd {
          emit(.name, from: start)
          return
        }
      }
    }
    emit(keywordKind(from: start, count: position - start), from: start)
  }

  /// A token starting with a byte ≥ 0x80: an identifier, an invalid character, or invalid UTF-8.
  mutating func lexNonASCII() {
    let start = position
    guard isUTF8 else {
      // Under a legacy coding cookie the bytes are not decoded; accept them in identifiers.
      skipIdentifierContinuation()
      emit(.name, from: start)
      return
    }
    guard let (scalar, length) = decodeScalar(at: position) else {
      // Invalid UTF-8 (reported once for the file by `checkBytes`): one error token for the run.
      position += 1
      while position < end && bytes[position] >= 0x80 && decodeScalar(at: position) == nil { position += 1 }
      emit(.error, from: start)
      return
    }
    if scalar.properties.isXIDStart {
      position += length
      skipIdentifierContinuation()
      emit(.name, from: start)
      return
    }
    position += length
    report(invalidCharacterMessage(scalar), from: start, to: position)
    emit(.error, from: start)
  }

  /// Skips identifier bytes (ASCII and, when decoding, non-ASCII XID_Continue scalars).
  private mutating func skipIdentifierContinuation() {
    while position < end {
      let byte = bytes[position]
      if isASCIIIdentifierByte(byte) {
        position += 1
      } else if byte >= 0x80 {
        if !isUTF8 {
          position += 1
          continue
        }
        guard let (scalar, length) = decodeScalar(at: position), scalar.properties.isXIDContinue else { return }
        position += length
      } else {
        return
      }
    }
  }

  /// CPython's wording: printable characters are shown, others only by code point.
  func invalidCharacterMessage(_ scalar: Unicode.Scalar) -> String {
    let code = String(scalar.value, radix: 16, uppercase: true)
    let padded = String(repeating: "0", count: max(0, 4 - code.count)) + code
    switch scalar.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator,
      .spaceSeparator:
      return "invalid non-printable character U+\(padded)"
    default:
      return "invalid character '\(Character(scalar))' (U+\(padded))"
    }
  }

  /// Decodes one well-formed UTF-8 scalar at `index` (no overlongs, surrogates or values past
  /// U+10FFFF), or returns nil.
  func decodeScalar(at index: Int) -> (Unicode.Scalar, Int)? {
    let first = UInt32(bytes[index])
    if first < 0x80 { return (Unicode.Scalar(UInt8(first)), 1) }
    let length = utf8SequenceLength(at: index)
    guard length > 0 else { return nil }
    var value: UInt32
    switch length {
    case 2: value = first & 0x1F
    case 3: value = first & 0x0F
    default: value = first & 0x07
    }
    for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
    guard let scalar = Unicode.Scalar(value) else { return nil }
    return (scalar, length)
  }

  /// Length of the well-formed UTF-8 sequence starting at `index` (a lead byte ≥ 0x80), or 0.
  func utf8SequenceLength(at index: Int) -> Int {
    let first = bytes[index]
    let length: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch first {
    case 0xC2...0xDF: length = 2
    case 0xE0:
      length = 3
      low = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED:
      length = 3
      high = 0x9F
    case 0xF0:
      length = 4
      low = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4:
      length = 4
      high = 0x8F
    default: return 0
    }
    guard index + length <= end else { return 0 }
    let second = bytes[index + 1]
    guard second >= low && second <= high else { return 0 }
    for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return 0 }
    return length
  }
}
