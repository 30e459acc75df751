import PythonSyntax

/// One change to a file: the bytes `range` of the original buffer are replaced by `replacement`.
///
/// Edits are expressed on the bytes a rule saw, never on lines or the tree, so that applying
/// them keeps every other byte of the file (comments, quotes, line endings) exactly as it was.
/// An empty `range` is an insertion, an empty `replacement` a deletion.
public struct Edit: Hashable, Sendable {
  /// Bytes of the original buffer that are replaced; `upperBound` is exclusive.
  public var range: Range<UInt32>
  public var replacement: [UInt8]
  /// Where the edit is shown (1-based, scalar columns; end exclusive), filled in when the finding
  /// carrying it is made from its source (`Finding.init(rule:…in:)`), so reports (JSON edits,
  /// SARIF artifact changes) need no source. `nil` until then; the fix machinery never reads it.
  public var span: Range<TextPosition>?

  public init(range: Range<UInt32>, replacement: [UInt8]) {
    self.range = range
    self.replacement = replacement
  }

  public init(range: Range<UInt32>, replacement: String) {
    self.init(range: range, replacement: Array(replacement.utf8))
  }

  /// Inserts `text` before byte `offset`.
  public static func insertion(_ text: String, at offset: UInt32) -> Edit {
    Edit(range: offset..<offset, replacement: text)
  }

  /// Removes the bytes `range`.
  public static func deletion(_ range: Range<UInt32>) -> Edit {
    Edit(range: range, replacement: [])
  }

  /// The replacement as text (leniently decoded), for messages and reports.
  public var replacementText: String { String(decoding: replacement, as: UTF8.self) }

  public var isInsertion: Bool { range.isEmpty }

  /// Whether applying the edit to `bytes` would change nothing (it replaces bytes by themselves).
  public func isNoOp(in bytes: [UInt8]) -> Bool {
    guard Int(range.upperBound) <= bytes.count else { return false }
    return bytes[Int(range.lowerBound)..<Int(range.upperBound)].elementsEqual(replacement)
  }

  /// Whether the two edits cannot be applied in the same pass.
  ///
  /// Overlapping edits clearly conflict. Edits that merely touch (one ends where the other starts)
  /// conflict too: the order of their texts at the shared point would be a guess (an insertion
  /// right before a replaced token could land inside or outside the new text). Two insertions
  /// conflict only at the same point. Identical edits never conflict: they are applied once
  /// (two findings that both add `import asyncio` at the same place want the same line).
  public func conflicts(with other: Edit) -> Bool {
    if self == other { return false }
    if isInsertion && other.isInsertion { return range.lowerBound == other.range.lowerBound }
    return range.lowerBound <= other.range.upperBound && other.range.lowerBound <= range.upperBound
  }

  /// Equality and hashing ignore `span`, which only mirrors `range` for display.
  public static func == (lhs: Edit, rhs: Edit) -> Bool {
    lhs.range == rhs.range && lhs.replacement == rhs.replacement
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(range.lowerBound)
    hasher.combine(range.upperBound)
    hasher.combine(replacement)
  }
}

extension Edit {
  /// Applies non-conflicting `edits` to `bytes` and returns the new bytes.
  ///
  /// The edits must lie within `bytes` and must not overlap (identical ones are applied once);
  /// callers guarantee it (`FixSelection` only accepts such sets). Runs in one linear copy.
  public static func apply(_ edits: [Edit], to bytes: [UInt8]) -> [UInt8] {
    var unique: [Edit] = []
    for edit in edits.sorted(by: { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) })
    where unique.last != edit {
      unique.append(edit)
    }
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + unique.reduce(0) { $0 + $1.replacement.count })
    var position = 0
    for edit in unique {
      let start = Int(edit.range.lowerBound)
      output.append(contentsOf: bytes[position..<start])
      output.append(contentsOf: edit.replacement)
      position = Int(edit.range.upperBound)
    }
    output.append(contentsOf: bytes[position...])
    return output
  }
}
