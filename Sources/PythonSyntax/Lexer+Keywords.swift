/// Keyword recognition by perfect hashing.
///
/// Keywords are at most eight bytes, so an identifier's bytes packed little-endian into one
/// integer identify it (bytes are never 0, so different lengths cannot collide). Multiplying by
/// `multiplier` and keeping the top six bits sends the 35 keywords to 35 different slots of a
/// 64-entry table; one load and one comparison then decide, with no branchy search.
enum LexerKeywordTable {
  /// Found by a search over random odd multipliers; `testKeywords` checks every keyword.
  static let multiplier: UInt64 = 0xB57C_8E05_E3C9_B0E1

  @inline(__always) static func slot(_ word: UInt64) -> Int {
    Int(truncatingIfNeeded: (word &* multiplier) >> 58)
  }

  /// The packed spelling in each slot (0 when empty).
  nonisolated(unsafe) static let words: UnsafePointer<UInt64> = {
    let words = UnsafeMutablePointer<UInt64>.allocate(capacity: 64)
    words.initialize(repeating: 0, count: 64)
    for kind in TokenKind.allCases where kind.isKeyword {
      let word = pack(kind.fixedText!)
      assert(words[slot(word)] == 0, "keyword hash collision")
      words[slot(word)] = word
    }
    return UnsafePointer(words)
  }()

  /// The keyword kind in each slot (`.name` when empty).
  nonisolated(unsafe) static let kinds: UnsafePointer<TokenKind> = {
    let kinds = UnsafeMutablePointer<TokenKind>.allocate(capacity: 64)
    kinds.initialize(repeating: .name, count: 64)
    for kind in TokenKind.allCases where kind.isKeyword {
      kinds[slot(pack(kind.fixedText!))] = kind
    }
    return UnsafePointer(kinds)
  }()

  private static func pack(_ text: String) -> UInt64 {
    var word: UInt64 = 0
    for (index, byte) in text.utf8.enumerated() { word |= UInt64(byte) << (8 * UInt64(index)) }
    return word
  }
}

extension Lexer {
  /// The keyword kind of the identifier `count` bytes long at `start`, or `.name`.
  @inline(__always) func keywordKind(from start: Int, count: Int) -> TokenKind {
    guard count >= 2 && count <= 8 else { return .name }
    var word: UInt64 = 0
    if start + 8 <= end {
      word = UnsafeRawPointer(bytes.baseAddress! + start).loadUnaligned(as: UInt64.self).littleEndian
      if count < 8 { word &= (1 &<< UInt64(count &* 8)) &- 1 }
    } else {
      var offset = count - 1
      while offset >= 0 {
        word = word << 8 | UInt64(bytes[start + offset])
        offset -= 1
      }
    }
    let slot = LexerKeywordTable.slot(word)
    return keywordWords[slot] == word ? keywordKinds[slot] : .name
  }
}
