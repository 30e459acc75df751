import PythonSyntax

/// The part of a source line shown under a finding, with where its caret goes.
///
/// Cut out when the finding is made, while the source is at hand, so reports need neither the
/// file nor the tree. The text is made safe to print: at most `maxWidth` scalars around the
/// finding (a 10 MB one-line file prints a short window, with `…` where it was cut), tabs
/// expanded to four spaces, control characters shown as their Unicode control pictures (`␛`
/// instead of a raw escape sequence) and bidirectional overrides as `�`.
public struct SourceSnippet: Hashable, Sendable {
  /// 1-based line number of the line shown.
  public var line: Int
  public var text: String
  /// Scalars of `text` before the caret.
  public var caretOffset: Int
  /// Number of carets, at least 1.
  public var caretLength: Int

  public init(line: Int, text: String, caretOffset: Int, caretLength: Int) {
    self.line = line
    self.text = text
    self.caretOffset = caretOffset
    self.caretLength = caretLength
  }

  static let maxWidth = 120
  static let maxLead = 60

  /// The snippet for the byte range `range` of `source`; a span running past its first line is
  /// underlined to the end of that line.
  public init(source: SourceBuffer, range: Range<UInt32>) {
    let line = source.line(of: range.lowerBound)
    let lineStart = Int(source.lineStarts[line - 1])
    let lineBytes = source.lineText(line)
    let lineEnd = lineBytes.endIndex
    let start = min(max(Int(range.lowerBound), lineStart), lineEnd)
    let end = min(max(Int(range.upperBound), start), lineEnd)

    // Decode only a bounded byte window (4 bytes per scalar at most), starting on a scalar boundary.
    var windowStart = max(lineStart, start - 4 * Self.maxLead - 4)
    while windowStart < start && source.bytes[windowStart] & 0xC0 == 0x80 { windowStart += 1 }
    let windowEnd = min(lineEnd, start + 4 * Self.maxWidth + 4)
    var scalars: [Unicode.Scalar] = []
    var caretOffset = 0
    var caretEnd = 0
    var index = windowStart
    while index < windowEnd {
      if index <= start { caretOffset = scalars.count }
      if index <= end { caretEnd = scalars.count }
      let (scalar, width) = Self.decodeScalar(source.bytes, at: index, end: windowEnd)
      index += width
      Self.appendDisplay(of: scalar, to: &scalars)
    }
    if index <= start { caretOffset = scalars.count }
    if index <= end { caretEnd = scalars.count }

    // Trim to the width limits, keeping the caret in view.
    var leadCut = false
    if caretOffset > Self.maxLead && scalars.count > Self.maxWidth {
      let drop = caretOffset - Self.maxLead
      scalars.removeFirst(drop)
      caretOffset -= drop
      caretEnd -= drop
      leadCut = true
    }
    var tailCut = windowEnd < lineEnd
    if scalars.count > Self.maxWidth {
      scalars.removeLast(scalars.count - Self.maxWidth)
      tailCut = true
    }
    if windowStart > lineStart { leadCut = true }
    caretEnd = min(caretEnd, scalars.count)
    var text = String(String.UnicodeScalarView(scalars))
    if leadCut {
      text = "…" + text
      caretOffset += 1
      caretEnd += 1
    }
    if tailCut { text += "…" }
    self.init(line: line, text: text, caretOffset: caretOffset, caretLength: max(1, caretEnd - caretOffset))
  }

  /// The scalar starting at `index` and its length in bytes; a byte that does not start a valid
  /// UTF-8 sequence (or a sequence cut by `end`) is one U+FFFD of one byte, so positions stay exact.
  static func decodeScalar(_ bytes: [UInt8], at index: Int, end: Int) -> (Unicode.Scalar, Int) {
    let lead = bytes[index]
    if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
    let width: Int
    var value: UInt32
    switch lead {
    case 0xC2...0xDF: (width, value) = (2, UInt32(lead & 0x1F))
    case 0xE0...0xEF: (width, value) = (3, UInt32(lead & 0x0F))
    case 0xF0...0xF4: (width, value) = (4, UInt32(lead & 0x07))
    default: return ("\u{FFFD}", 1)
    }
    guard index + width <= end else { return ("\u{FFFD}", 1) }
    for offset in 1..<width {
      let byte = bytes[index + offset]
      guard byte & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
      value = value << 6 | UInt32(byte & 0x3F)
    }
    // Reject overlong forms and surrogates, which `Unicode.Scalar` refuses anyway.
    let minimum: UInt32 = width == 3 ? 0x800 : width == 4 ? 0x10000 : 0x80
    guard value >= minimum, let scalar = Unicode.Scalar(value) else { return ("\u{FFFD}", 1) }
    return (scalar, width)
  }

  /// Appends how `scalar` is shown; may be several scalars (a tab) and then the caret
  /// arithmetic above counts them all, which keeps carets under what is shown.
  private static func appendDisplay(of scalar: Unicode.Scalar, to scalars: inout [Unicode.Scalar]) {
    switch scalar.value {
    case 0x09: scalars.append(contentsOf: repeatElement(" ", count: 4))
    case 0x00..<0x20: scalars.append(Unicode.Scalar(0x2400 + scalar.value)!)
    case 0x7F: scalars.append("\u{2421}")
    case 0x202A...0x202E, 0x2066...0x2069: scalars.append("\u{FFFD}")
    default: scalars.append(scalar)
    }
  }
}
