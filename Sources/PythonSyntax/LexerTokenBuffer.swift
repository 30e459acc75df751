/// Growable token columns written through raw pointers while lexing.
///
/// Appending to the four arrays of a `TokenTable` held inside the lexer costs a uniqueness check
/// per array per token (a tenth of the lexing time); these buffers have none. `makeTable` copies
/// them into a table at the end, which is a few memcpys.
struct LexerTokenBuffer {
  private var kinds: UnsafeMutablePointer<TokenKind>
  private var leadingStarts: UnsafeMutablePointer<UInt32>
  private var textStarts: UnsafeMutablePointer<UInt32>
  private var textEnds: UnsafeMutablePointer<UInt32>
  private(set) var count = 0
  private var capacity: Int

  init(capacity: Int) {
    self.capacity = max(capacity, 16)
    kinds = .allocate(capacity: self.capacity)
    leadingStarts = .allocate(capacity: self.capacity)
    textStarts = .allocate(capacity: self.capacity)
    textEnds = .allocate(capacity: self.capacity)
  }

  @inline(__always) mutating func append(_ kind: TokenKind, leadingStart: Int, textStart: Int, textEnd: Int) {
    if count == capacity { grow() }
    kinds[count] = kind
    leadingStarts[count] = UInt32(truncatingIfNeeded: leadingStart)
    textStarts[count] = UInt32(truncatingIfNeeded: textStart)
    textEnds[count] = UInt32(truncatingIfNeeded: textEnd)
    count += 1
  }

  @inline(never) private mutating func grow() {
    let newCapacity = capacity * 2
    kinds = Self.reallocate(kinds, count: count, to: newCapacity)
    leadingStarts = Self.reallocate(leadingStarts, count: count, to: newCapacity)
    textStarts = Self.reallocate(textStarts, count: count, to: newCapacity)
    textEnds = Self.reallocate(textEnds, count: count, to: newCapacity)
    capacity = newCapacity
  }

  private static func reallocate<T>(_ old: UnsafeMutablePointer<T>, count: Int, to capacity: Int)
    -> UnsafeMutablePointer<T>
  {
    let new = UnsafeMutablePointer<T>.allocate(capacity: capacity)
    new.moveInitialize(from: old, count: count)
    old.deallocate()
    return new
  }

  /// The tokens as a table, for a source of `sourceLength` bytes.
  func makeTable(sourceLength: Int) -> TokenTable {
    var table = TokenTable()
    table.kinds = Array(UnsafeBufferPointer(start: kinds, count: count))
    table.leadingStarts = Array(UnsafeBufferPointer(start: leadingStarts, count: count))
    table.textStarts = Array(UnsafeBufferPointer(start: textStarts, count: count))
    table.textEnds = Array(UnsafeBufferPointer(start: textEnds, count: count))
    table.sourceLength = UInt32(truncatingIfNeeded: sourceLength)
    return table
  }

  /// Frees the buffers; the value must not be used afterwards.
  func deallocate() {
    kinds.deallocate()
    leadingStarts.deallocate()
    textStarts.deallocate()
    textEnds.deallocate()
  }
}
