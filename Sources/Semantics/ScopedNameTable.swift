/// The names of every scope: for each (scope, symbol) pair that is bound or declared there, the
/// chain of its bindings and any `global`/`nonlocal` declaration.
///
/// One flat table for the whole file rather than a dictionary per scope: a file has thousands of
/// scopes, most with a handful of names, and one open-addressing table keyed by
/// `scope << 32 | symbol` costs a multiply and a probe per lookup and no allocation per scope.
/// The bindings of an entry form a linked list through `SemanticModel`'s `bindingNext` column.
struct ScopedNameTable: Sendable {
  enum Declaration: UInt8, Sendable {
    case none, global, nonlocal
  }

  static let noEntry = UInt32.max
  static let noBinding = UInt32.max

  private var keys: [UInt64]
  private var values: [UInt32]
  private var mask: Int

  /// Per entry: its scope and symbol, first and last binding, declaration and, for a declared
  /// name, the scope its bindings live in (`UInt32.max` when none is found).
  private(set) var scopes: [UInt32] = []
  private(set) var symbols: [UInt32] = []
  var heads: [UInt32] = []
  var tails: [UInt32] = []
  var declarations: [Declaration] = []
  var targets: [UInt32] = []

  init(expectedCount: Int) {
    var capacity = 64
    while capacity < expectedCount * 2 { capacity <<= 1 }
    keys = [UInt64](repeating: .max, count: capacity)
    values = [UInt32](repeating: 0, count: capacity)
    mask = capacity - 1
  }

  var count: Int { scopes.count }

  @inline(__always)
  private static func key(_ scope: UInt32, _ symbol: UInt32) -> UInt64 {
    UInt64(scope) << 32 | UInt64(symbol)
  }

  @inline(__always)
  private func firstSlot(_ key: UInt64) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
  }

  /// The entry of `symbol` in `scope`, if the scope binds or declares it.
  func entry(scope: UInt32, symbol: UInt32) -> UInt32? {
    let key = Self.key(scope, symbol)
    var slot = firstSlot(key)
    while true {
      let found = keys[slot]
      if found == key { return values[slot] }
      if found == .max { return nil }
      slot = (slot + 1) & mask
    }
  }

  /// The entry of `symbol` in `scope`, created empty when missing.
  mutating func findOrInsert(scope: UInt32, symbol: UInt32) -> UInt32 {
    let key = Self.key(scope, symbol)
    var slot = firstSlot(key)
    while true {
      let found = keys[slot]
      if found == key { return values[slot] }
      if found == .max { break }
      slot = (slot + 1) & mask
    }
    let entry = UInt32(scopes.count)
    scopes.append(scope)
    symbols.append(symbol)
    heads.append(Self.noBinding)
    tails.append(Self.noBinding)
    declarations.append(.none)
    targets.append(Self.noEntry)
    keys[slot] = key
    values[slot] = entry
    if scopes.count * 2 > keys.count { grow() }
    return entry
  }

  private mutating func grow() {
    let oldKeys = keys
    let oldValues = values
    keys = [UInt64](repeating: .max, count: oldKeys.count * 2)
    values = [UInt32](repeating: 0, count: oldKeys.count * 2)
    mask = keys.count - 1
    for index in 0..<oldKeys.count where oldKeys[index] != .max {
      var slot = firstSlot(oldKeys[index])
      while keys[slot] != .max { slot = (slot + 1) & mask }
      keys[slot] = oldKeys[index]
      values[slot] = oldValues[index]
    }
  }
}
