#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The checks CPython makes when it decodes a string literal's text: escapes that cannot be
/// decoded and non-ASCII bytes in a bytes literal are syntax errors there, so they are here.
///
/// Only what fails to compile is reported: an unknown escape such as `'\q'` (a SyntaxWarning
/// in CPython) and an octal escape above `\377` (a warning too) are accepted. The name inside
/// `\N{…}` is checked for its shape, not looked up: that needs the Unicode name table of
/// CPython's own Unicode version, which a name list built from this platform's ICU would not
/// match exactly (a wrong error is worse than a missing one).
extension Parser {
  /// What is wrong with the text of the `.string` token `token`, if anything (messages as
  /// CPython's, positions in them relative to the text inside the quotes).
  func stringLiteralError(_ token: UInt32) -> String? {
    let start = Int(tokens.textStarts[Int(token)])
    let end = Int(tokens.textEnds[Int(token)])
    return source.bytes.withUnsafeBufferPointer { bytes -> String? in
      var offset = start
      var isRaw = false
      var isBytes = false
      while offset < end, bytes[offset] != UInt8(ascii: "'"), bytes[offset] != UInt8(ascii: "\"") {
        switch bytes[offset] | 0x20 {
        case UInt8(ascii: "r"): isRaw = true
        case UInt8(ascii: "b"): isBytes = true
        default: break
        }
        offset += 1
      }
      guard offset < end else { return nil }
      let quote = bytes[offset]
      let quoteLength = end - offset >= 6 && bytes[offset + 1] == quote && bytes[offset + 2] == quote ? 3 : 1
      let body = (offset + quoteLength)..<max(offset + quoteLength, end - quoteLength)
      if isBytes, bytes[body].contains(where: { $0 >= 0x80 }) {
        return "bytes can only contain ASCII literal characters"
      }
      if isRaw { return nil }
      return Self.escapeError(in: bytes, body, isBytes: isBytes)
    }
  }

  /// What is wrong with the escapes of the literal text of `.fStringMiddle` or
  /// `.tStringMiddle` token `token` of a non-raw f- or t-string, if anything.
  func formattedStringMiddleError(_ token: UInt32) -> String? {
    let range = Int(tokens.textStarts[Int(token)])..<Int(tokens.textEnds[Int(token)])
    return source.bytes.withUnsafeBufferPointer { Self.escapeError(in: $0, range, isBytes: false) }
  }

  /// The first escape in `bytes[body]` that CPython cannot decode, as its error message.
  static func escapeError(in bytes: UnsafeBufferPointer<UInt8>, _ body: Range<Int>, isBytes: Bool) -> String? {
    var index = body.lowerBound
    while index < body.upperBound {
      // Jump to the next backslash: most string bodies (docstrings above all) have none, and
      // this runs over every string of every file.
      guard let base = bytes.baseAddress,
        let found = memchr(base + index, Int32(UInt8(ascii: "\\")), body.upperBound - index)
      else { return nil }
      index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
      guard index + 1 < body.upperBound else { return nil }
      let escape = index
      let letter = bytes[index + 1]
      index += 2
      let hexDigits: Int
      switch letter {
      case UInt8(ascii: "x"): hexDigits = 2
      case UInt8(ascii: "u") where !isBytes: hexDigits = 4
      case UInt8(ascii: "U") where !isBytes: hexDigits = 8
      case UInt8(ascii: "N") where !isBytes:
        // `\N{name}`: a non-empty name without a closing brace or line break inside.
        var close = index
        if close < body.upperBound && bytes[close] == UInt8(ascii: "{") {
          close += 1
          while close < body.upperBound, bytes[close] != UInt8(ascii: "}"), bytes[close] != UInt8(ascii: "\n") {
            close += 1
          }
        }
        guard close < body.upperBound, close > index + 1, bytes[close] == UInt8(ascii: "}") else {
          // CPython's positions: through the `N` without a brace, through the `{` of an empty
          // name, through the last byte read when the brace is never closed.
          let last = close == index ? index - 1 : close == index + 1 ? index : close - 1
          return unicodeError(escape - body.lowerBound, last - body.lowerBound, "malformed \\N character escape")
        }
        index = close + 1
        continue
      default:
        continue
      }
      var value: UInt32 = 0
      var count = 0
      while count < hexDigits, index < body.upperBound, let digit = hexValue(bytes[index]) {
        value = value << 4 | digit
        count += 1
        index += 1
      }
      if count < hexDigits {
        if isBytes { return "(value error) invalid \\x escape at position \(escape - body.lowerBound)" }
        let name = letter == UInt8(ascii: "x") ? "\\xXX" : letter == UInt8(ascii: "u") ? "\\uXXXX" : "\\UXXXXXXXX"
        return unicodeError(escape - body.lowerBound, index - 1 - body.lowerBound, "truncated \(name) escape")
      }
      if value > 0x10FFFF {
        return unicodeError(escape - body.lowerBound, index - 1 - body.lowerBound, "illegal Unicode character")
      }
    }
    return nil
  }

  private static func unicodeError(_ first: Int, _ last: Int, _ reason: String) -> String {
    "(unicode error) 'unicodeescape' codec can't decode bytes in position \(first)-\(last): \(reason)"
  }

  private static func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
    default: nil
    }
  }
}
