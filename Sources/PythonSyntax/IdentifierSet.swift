/// A fixed set of names that answers "is this token one of them?" from the source bytes, without
/// making a `String`.
///
/// Rules test almost every call's callee against a few names (`run`, `sleep`, `set`, …), and
/// nearly every test fails. Building a `String` from the token and hashing it with `Hasher`
/// (SipHash) cost more than the rest of those rules' work on the standard library; this set
/// hashes the token's bytes in place (FNV-1a, the identifier table's hash) and compares bytes
/// only on a hash hit. Built once per rule or per file; lookups never allocate.
public struct IdentifierSet: Sendable, ExpressibleByArrayLiteral {
  /// The names' UTF-8 bytes, concatenated; `starts[i]..<starts[i + 1]` is name `i`.
  private var storage: [UInt8] = []
  private var starts: [Int32] = [0]
  private var hashes: [UInt32] = []
  /// Open addressing: `slots[h & mask]` holds 1 + a name's position, 0 when free; at most half full.
  private var slots = [Int32](repeating: 0, count: 8)
  private var mask = 7
  /// Bit `n` is set when a name of `n` bytes is in (bit 63: any of 63 or more): most lookups
  /// fail on the length alone, before hashing.
  @usableFromInline var lengths: UInt64 = 0

  public init() {}

  public init(_ names: some Sequence<String>) {
    for name in names { insert(name) }
  }

  public init(arrayLiteral elements: String...) { self.init(elements) }

  public var isEmpty: Bool { hashes.isEmpty }
  public var count: Int { hashes.count }

  /// The names, in the order they were first inserted.
  public var elements: [String] {
    (0..<count).map { String(decoding: storage[Int(starts[$0])..<Int(starts[$0 + 1])], as: UTF8.self) }
  }

  public mutating func insert(_ name: String) {
    var name = name
    name.withUTF8 { insert($0) }
  }

  /// Adds the name `bytes` spell (a no-op when it is already in).
  public mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>) {
    let hash = Self.hash(bytes)
    var slot = Int(hash) & mask
    while slots[slot] != 0 {
      let position = Int(slots[slot]) - 1
      if hashes[position] == hash && equals(position, bytes) { return }
      slot = (slot + 1) & mask
    }
    storage.append(contentsOf: bytes)
    starts.append(Int32(storage.count))
    lengths |= Self.lengthBit(bytes.count)
    hashes.append(hash)
    slots[slot] = Int32(hashes.count)
    if hashes.count * 2 > slots.count { rehash(capacity: slots.count * 2) }
  }

  public mutating func formUnion(_ other: IdentifierSet) {
    for position in 0..<other.count {
      other.storage.withUnsafeBufferPointer { bytes in
        insert(UnsafeBufferPointer(rebasing: bytes[Int(other.starts[position])..<Int(other.starts[position + 1])]))
      }
    }
  }

  private mutating func rehash(capacity: Int) {
    slots = [Int32](repeating: 0, count: capacity)
    mask = capacity - 1
    for position in hashes.indices {
      var slot = Int(hashes[position]) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(position + 1)
    }
  }

  /// Whether `bytes` spell one of the names.
  public func contains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    if lengths & Self.lengthBit(bytes.count) == 0 { return false }
    let hash = Self.hash(bytes)
    var slot = Int(hash) & mask
    while true {
      let entry = Int(slots[slot])
      if entry == 0 { return false }
      if hashes[entry - 1] == hash && equals(entry - 1, bytes) { return true }
      slot = (slot + 1) & mask
    }
  }

  public func contains(_ name: String) -> Bool {
    var name = name
    return name.withUTF8 { contains($0) }
  }

  /// Whether the source text of `token` in `tree` is one of the names.
  public func contains(token: UInt32, in tree: SyntaxTree) -> Bool {
    let range = tree.tokens.textRange(token)
    if lengths & Self.lengthBit(range.count) == 0 { return false }
    return tree.source.bytes.withUnsafeBufferPointer { source in
      contains(UnsafeBufferPointer(rebasing: source[Int(range.lowerBound)..<Int(range.upperBound)]))
    }
  }

  @inlinable
  static func lengthBit(_ length: Int) -> UInt64 { 1 << UInt64(min(length, 63)) }

  /// Whether a name of `length` bytes may be in: the first test of `contains`, for a caller to
  /// make before it finds the bytes.
  @inlinable public func mayContain(length: Int) -> Bool { lengths & Self.lengthBit(length) != 0 }

  private func equals(_ position: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = Int(starts[position])
    let end = Int(starts[position + 1])
    guard end - start == bytes.count else { return false }
    var index = 0
    while index < bytes.count {
      if storage[start + index] != bytes[index] { return false }
      index += 1
    }
    return true
  }

  /// FNV-1a, as the semantic model's identifier table hashes.
  @inline(__always)
  public static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
    var hash: UInt32 = 2_166_136_261
    for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
    return hash
  }
}

extension SyntaxNode {
  /// Whether this node is a plain name (`Name`) spelled as one of `names`.
  public func isName(in names: IdentifierSet) -> Bool {
    kind == .name && names.contains(token: firstToken, in: tree)
  }
}
