/// The tokens of one file as columns: kind, where the leading trivia starts, where the text
/// starts and where it ends. A token's trailing trivia runs from its text end to the next
/// token's leading-trivia start, so the table tiles the file: concatenating every token's
/// leading trivia, text and trailing trivia gives back the source, byte for byte.
///
/// Trivia rules (as in swift-syntax): trailing trivia runs up to, not including, the next real
/// line break (spaces, tabs, form feeds, a comment, backslash continuations); everything after
/// it (blank lines, comment lines, indentation) is the leading trivia of the next token.
/// INDENT and DEDENT are zero-width and sit right after the NEWLINE that precedes them, with
/// empty trivia, so the following line's indentation and comments lead the next real token.
public struct TokenTable: Sendable {
  public var kinds: [TokenKind] = []
  /// Offset where the token's leading trivia starts (= previous token's trailing-trivia end).
  public var leadingStarts: [UInt32] = []
  /// Offset of the token's first text byte.
  public var textStarts: [UInt32] = []
  /// Offset just past the token's last text byte.
  public var textEnds: [UInt32] = []
  /// Total length of the source; the last token's trailing trivia ends here.
  public var sourceLength: UInt32 = 0

  public init() {}

  public init(reservingCapacity capacity: Int) {
    kinds.reserveCapacity(capacity)
    leadingStarts.reserveCapacity(capacity)
    textStarts.reserveCapacity(capacity)
    textEnds.reserveCapacity(capacity)
  }

  public var count: Int { kinds.count }

  @inlinable public mutating func append(
    _ kind: TokenKind, leadingStart: UInt32, textStart: UInt32, textEnd: UInt32
  ) {
    kinds.append(kind)
    leadingStarts.append(leadingStart)
    textStarts.append(textStart)
    textEnds.append(textEnd)
  }

  /// The token's text as a byte range.
  @inlinable public func textRange(_ index: UInt32) -> Range<UInt32> {
    textStarts[Int(index)]..<textEnds[Int(index)]
  }

  /// The token's leading trivia as a byte range.
  @inlinable public func leadingTriviaRange(_ index: UInt32) -> Range<UInt32> {
    leadingStarts[Int(index)]..<textStarts[Int(index)]
  }

  /// The token's trailing trivia as a byte range.
  @inlinable public func trailingTriviaRange(_ index: UInt32) -> Range<UInt32> {
    let next = Int(index) + 1
    let end = next < kinds.count ? leadingStarts[next] : sourceLength
    return textEnds[Int(index)]..<end
  }

  /// The bytes the token covers with all its trivia.
  @inlinable public func fullRange(_ index: UInt32) -> Range<UInt32> {
    leadingStarts[Int(index)]..<trailingTriviaRange(index).upperBound
  }
}

/// One piece of trivia, found by re-scanning a trivia byte range on demand
/// (the lexer only records where trivia is, not what it is made of).
public enum TriviaPiece: Equatable, Sendable {
  /// Spaces and tabs.
  case whitespace(Range<UInt32>)
  /// A form feed (`\u{0C}`), which resets the indentation column.
  case formFeed(Range<UInt32>)
  /// A line break (`\n`, `\r\n` or `\r`) that does not end a logical line.
  case lineBreak(Range<UInt32>)
  /// `#` up to (not including) the line break.
  case comment(Range<UInt32>)
  /// A backslash and the line break it escapes.
  case continuation(Range<UInt32>)
  /// Anything else (only possible in trivia the lexer kept around an error).
  case unexpected(Range<UInt32>)

  public var range: Range<UInt32> {
    switch self {
    case .whitespace(let r), .formFeed(let r), .lineBreak(let r), .comment(let r), .continuation(let r),
      .unexpected(let r):
      r
    }
  }
}

extension SourceBuffer {
  /// Splits a trivia byte range into its pieces.
  public func triviaPieces(_ range: Range<UInt32>) -> [TriviaPiece] {
    var pieces: [TriviaPiece] = []
    var index = Int(range.lowerBound)
    let end = Int(range.upperBound)
    while index < end {
      let start = index
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: " "), UInt8(ascii: "\t"):
        while index < end && (bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t")) {
          index += 1
        }
        pieces.append(.whitespace(UInt32(start)..<UInt32(index)))
      case 0x0C:
        index += 1
        pieces.append(.formFeed(UInt32(start)..<UInt32(index)))
      case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
        index += (byte == UInt8(ascii: "\r") && index + 1 < end && bytes[index + 1] == UInt8(ascii: "\n")) ? 2 : 1
        pieces.append(.lineBreak(UInt32(start)..<UInt32(index)))
      case UInt8(ascii: "#"):
        while index < end && bytes[index] != UInt8(ascii: "\n") && bytes[index] != UInt8(ascii: "\r") {
          index += 1
        }
        pieces.append(.comment(UInt32(start)..<UInt32(index)))
      case UInt8(ascii: "\\"):
        index += 1
        if index < end && bytes[index] == UInt8(ascii: "\r") { index += 1 }
        if index < end && bytes[index] == UInt8(ascii: "\n") { index += 1 }
        pieces.append(.continuation(UInt32(start)..<UInt32(index)))
      default:
        index += 1
        pieces.append(.unexpected(UInt32(start)..<UInt32(index)))
      }
    }
    return pieces
  }
}
