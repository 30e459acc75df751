import PythonSyntax

/// A position shown to a person: 1-based line, 1-based column counted in Unicode scalar values.
///
/// Scalar columns are what ruff prints and what editors jump to; the byte column CPython's `ast`
/// uses stays available through the finding's byte range when a rule needs it.
public struct TextPosition: Hashable, Sendable, Comparable {
  public var line: Int
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  /// The position of byte `offset` of `source` (at most `source.count`).
  public init(offset: UInt32, in source: SourceBuffer) {
    self.init(line: source.line(of: offset), column: source.scalarColumn(of: offset) + 1)
  }

  public static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
    (lhs.line, lhs.column) < (rhs.line, rhs.column)
  }
}

/// One problem found in one file: what rule found it, where, and why.
///
/// Findings carry both a byte range (for edits and suppression comments, later) and what is
/// shown of it, computed once while the source is at hand (positions and the snippet), so
/// reporters never need the source or the tree.
public struct Finding: Hashable, Sendable {
  /// The rule's code, e.g. `AF001`.
  public var code: String
  /// The rule's kebab-case name, e.g. `syntax-error`.
  public var name: String
  public var message: String
  /// The file's path exactly as it was given on the command line or joined during discovery.
  public var path: String
  /// Byte range in the file; `end` is exclusive and may equal `start` for a point.
  public var range: Range<UInt32>
  public var start: TextPosition
  /// Exclusive end position.
  public var end: TextPosition
  /// The source line under the finding, for the text report.
  public var snippet: SourceSnippet
  /// Alternative fixes in order of preference; a run applies the first one its `FixMode`
  /// allows (`fix(for:)`). Empty when the rule has no fix for this finding.
  public var fixes: [Fix]

  public init(
    code: String, name: String, message: String, path: String, range: Range<UInt32>, start: TextPosition,
    end: TextPosition, snippet: SourceSnippet, fixes: [Fix] = []
  ) {
    self.code = code
    self.name = name
    self.message = message
    self.path = path
    self.range = range
    self.start = start
    self.end = end
    self.snippet = snippet
    self.fixes = fixes
  }

  /// A finding of `rule` over the byte range `range` of `source` (clamped to the source), with
  /// its positions and snippet computed from the source, and the positions of its fixes' edits.
  public init(
    rule: RuleIdentity, message: String, path: String, range: Range<UInt32>, fixes: [Fix] = [],
    in source: SourceBuffer
  ) {
    let length = UInt32(source.count)
    let start = min(range.lowerBound, length)
    let end = max(start, min(range.upperBound, length))
    self.init(
      code: rule.code, name: rule.name, message: message, path: path, range: start..<end,
      start: TextPosition(offset: start, in: source), end: TextPosition(offset: end, in: source),
      snippet: SourceSnippet(source: source, range: start..<end),
      fixes: fixes.map { $0.locatingEdits(in: source) })
  }

  /// Output order inside one file: by position, then code and message so ties are stable too.
  static func precedes(_ lhs: Finding, _ rhs: Finding) -> Bool {
    if lhs.range.lowerBound != rhs.range.lowerBound { return lhs.range.lowerBound < rhs.range.lowerBound }
    if lhs.range.upperBound != rhs.range.upperBound { return lhs.range.upperBound < rhs.range.upperBound }
    if lhs.code != rhs.code { return lhs.code < rhs.code }
    return lhs.message < rhs.message
  }
}
