import PythonSyntax

/// Interns the identifiers of one file by their bytes, so that scope tables compare small integers
/// instead of strings.
///
/// Every identifier worth interning occurs in the source (a binding's name token), so a symbol is
/// stored as the offset and length of its first occurrence: interning never allocates a `String`,
/// and looking a name up hashes and compares bytes in place. Open addressing with linear probing
/// over a power-of-two table kept at most half full.
struct IdentifierTable: Sendable {
  /// Offset of each symbol's first occurrence in the source.
  private var starts: [UInt32] = []
  private var lengths: [UInt32] = []
  private var hashes: [UInt32] = []
  /// `symbol + 1` per slot; 0 marks an empty slot.
  private var slots: [UInt32]
  private var mask: Int

  init(expectedCount: Int) {
    var capacity = 64
    while capacity < expectedCount * 2 { capacity <<= 1 }
    slots = [UInt32](repeating: 0, count: capacity)
    mask = capacity - 1
    starts.reserveCapacity(expectedCount)
    lengths.reserveCapacity(expectedCount)
    hashes.reserveCapacity(expectedCount)
  }

  var count: Int { starts.count }

  /// The byte range of symbol `symbol`'s first occurrence.
  func range(of symbol: UInt32) -> Range<UInt32> {
    starts[Int(symbol)]..<starts[Int(symbol)] + lengths[Int(symbol)]
  }

  /// The symbol for the bytes `source[range]`, added when new.
  mutating func intern(_ range: Range<UInt32>, in source: UnsafeBufferPointer<UInt8>) -> UInt32 {
    let hash = Self.hash(UnsafeBufferPointer(rebasing: source[Int(range.lowerBound)..<Int(range.upperBound)]))
    if let symbol = find(hash: hash, range: range, in: source, bytes: source) { return symbol }
    let symbol = UInt32(starts.count)
    starts.append(range.lowerBound)
    lengths.append(UInt32(range.count))
    hashes.append(hash)
    if starts.count * 2 > slots.count { grow() }
    insert(symbol, hash: hash)
    return symbol
  }

  /// The symbol for the bytes `source[range]`, if interned.
  func lookup(_ range: Range<UInt32>, in source: UnsafeBufferPointer<UInt8>) -> UInt32? {
    let hash = Self.hash(UnsafeBufferPointer(rebasing: source[Int(range.lowerBound)..<Int(range.upperBound)]))
    return find(hash: hash, range: range, in: source, bytes: source)
  }

  /// The symbol spelled `text`, if interned.
  func lookup(_ text: String, in source: UnsafeBufferPointer<UInt8>) -> UInt32? {
    var text = text
    return text.withUTF8 { name in
      find(hash: Self.hash(name), range: 0..<UInt32(name.count), in: name, bytes: source)
    }
  }

  // MARK: Hashing and probing

  /// FNV-1a: identifiers are short, so a byte loop beats anything cleverer.
  @inline(__always)
  private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 { IdentifierSet.hash(bytes) }

  /// Finds the symbol whose bytes in `bytes` equal `name[range]`.
  private func find(
    hash: UInt32, range: Range<UInt32>, in name: UnsafeBufferPointer<UInt8>, bytes: UnsafeBufferPointer<UInt8>
  ) -> UInt32? {
    var slot = Int(hash) & mask
    let length = UInt32(range.count)
    while true {
      let entry = slots[slot]
      if entry == 0 { return nil }
      let symbol = Int(entry - 1)
      if hashes[symbol] == hash && lengths[symbol] == length
        && Self.equal(bytes, at: Int(starts[symbol]), name, at: Int(range.lowerBound), count: Int(length))
      {
        return UInt32(symbol)
      }
      slot = (slot + 1) & mask
    }
  }

  @inline(__always)
  private static func equal(
    _ lhs: UnsafeBufferPointer<UInt8>, at lhsStart: Int, _ rhs: UnsafeBufferPointer<UInt8>, at rhsStart: Int,
    count: Int
  ) -> Bool {
    var index = 0
    while index < count {
      if lhs[lhsStart + index] != rhs[rhsStart + index] { return false }
      index += 1
    }
    return true
  }

  private mutating func insert(_ symbol: UInt32, hash: UInt32) {
    var slot = Int(hash) & mask
    while slots[slot] != 0 { slot = (slot + 1) & mask }
    slots[slot] = symbol + 1
  }

  private mutating func grow() {
    slots = [UInt32](repeating: 0, count: slots.count * 2)
    mask = slots.count - 1
    for symbol in 0..<starts.count { insert(UInt32(symbol), hash: hashes[symbol]) }
  }
}
