/// Text made safe for an XML 1.0 document.
///
/// libxml2's xmlTextWriter escapes `<`, `&` and quotes but writes C0 control characters,
/// U+FFFE/U+FFFF and invalid UTF-8 through unchanged (and reports success), which leaves a file no
/// XML parser accepts. Everything written goes through here first: invalid UTF-8 (including
/// encoded surrogates and overlong forms) becomes U+FFFD, and the characters XML 1.0 forbids
/// (C0 controls other than tab, LF and CR; U+FFFE; U+FFFF) are dropped.
enum XMLText {
  /// `bytes` as valid UTF-8 holding only characters XML 1.0 allows.
  static func sanitized(_ bytes: some Collection<UInt8>) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    loop: while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        guard isAllowed(scalar) else { continue }
        output.append(contentsOf: UTF8.encode(scalar)!)
      case .error:
        output.append(contentsOf: [0xEF, 0xBF, 0xBD])
      case .emptyInput:
        break loop
      }
    }
    return output
  }

  /// `string` with the characters XML 1.0 forbids dropped (a Swift string is already valid UTF-8).
  static func sanitized(_ string: String) -> [UInt8] {
    if string.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x80 }) { return Array(string.utf8) }
    return sanitized(string.utf8)
  }

  /// XML 1.0 `Char`: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
  /// Surrogates never reach here: they are not Unicode scalars, so the decoder reports them as errors.
  static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A, 0x0D: true
    case 0x00..<0x20: false
    case 0xFFFE, 0xFFFF: false
    default: true
    }
  }
}
