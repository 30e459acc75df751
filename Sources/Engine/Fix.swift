import PythonSyntax

/// How confident a rule is that its fix keeps the program's meaning (as in ruff).
///
/// The order of the cases is the order of confidence: `safe` fixes are applied by `fix` and
/// `diff`, `unsafe` ones only with `--unsafe-fixes`, and `displayOnly` ones never.
public enum Applicability: String, Hashable, Sendable, Comparable, CaseIterable {
  case safe
  case unsafe
  /// A suggestion shown to the user, never applied (it needs a human decision).
  case displayOnly = "display-only"

  public static func < (lhs: Applicability, rhs: Applicability) -> Bool {
    lhs.rank < rhs.rank
  }

  private var rank: Int {
    switch self {
    case .safe: 0
    case .unsafe: 1
    case .displayOnly: 2
    }
  }
}

/// Which fixes a run applies: safe ones only (the default), or safe and unsafe ones
/// (`--unsafe-fixes`). Display-only fixes are never applied.
public enum FixMode: Hashable, Sendable {
  case safe
  case safeAndUnsafe

  public func allows(_ applicability: Applicability) -> Bool {
    switch applicability {
    case .safe: true
    case .unsafe: self == .safeAndUnsafe
    case .displayOnly: false
    }
  }
}

/// One way to resolve a finding: a message and edits that apply together or not at all.
public struct Fix: Hashable, Sendable {
  /// What the fix does, e.g. "Replace with `await asyncio.sleep_ms(500)`".
  public var message: String
  public var applicability: Applicability
  /// Sorted by position; they must not overlap one another.
  public var edits: [Edit]

  public init(message: String, applicability: Applicability, edits: [Edit]) {
    self.message = message
    self.applicability = applicability
    self.edits = edits.sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
  }

  public static func safe(_ message: String, _ edits: Edit...) -> Fix {
    Fix(message: message, applicability: .safe, edits: edits)
  }

  public static func unsafe(_ message: String, _ edits: Edit...) -> Fix {
    Fix(message: message, applicability: .unsafe, edits: edits)
  }

  public static func displayOnly(_ message: String, _ edits: Edit...) -> Fix {
    Fix(message: message, applicability: .displayOnly, edits: edits)
  }

  /// The first byte any edit touches (the end of the file for a fix without edits).
  public var startOffset: UInt32 { edits.first?.range.lowerBound ?? UInt32.max }

  /// Whether the fix can be applied to `bytes`: it has edits, they lie inside the buffer, do not
  /// overlap one another, and at least one of them changes something. A fix that fails
  /// this is a rule's mistake; the engine then leaves it out rather than crashing or looping.
  public func isApplicable(to bytes: [UInt8]) -> Bool {
    guard !edits.isEmpty, edits.allSatisfy({ Int($0.range.upperBound) <= bytes.count }) else { return false }
    // Inside one fix the rule decides the order, so edits may touch (an insertion right before a
    // replaced token goes first); they must not overlap, and two different insertions at one
    // point would have no defined order.
    for (previous, next) in zip(edits, edits.dropFirst()) {
      if next.range.lowerBound < previous.range.upperBound { return false }
      if previous.isInsertion && next.isInsertion && previous.range == next.range && previous != next { return false }
    }
    return edits.contains { !$0.isNoOp(in: bytes) }
  }
}

extension Finding {
  /// The fix `mode` applies to this finding: the first alternative the mode allows.
  public func fix(for mode: FixMode) -> Fix? {
    fixes.first { mode.allows($0.applicability) }
  }

  /// The fix reports show for this finding (DESIGN §5 JSON `fix`): the one `mode` applies, or
  /// the first alternative when the mode allows none (a display-only suggestion, for example).
  public func displayedFix(for mode: FixMode) -> Fix? {
    fix(for: mode) ?? fixes.first
  }
}

extension Fix {
  /// The fix with each edit's `span` computed from `source` (edits past the end are clamped).
  func locatingEdits(in source: SourceBuffer) -> Fix {
    var located = self
    let length = UInt32(source.count)
    for index in located.edits.indices {
      let range = located.edits[index].range
      let start = min(range.lowerBound, length)
      let end = max(start, min(range.upperBound, length))
      located.edits[index].span = TextPosition(offset: start, in: source)..<TextPosition(offset: end, in: source)
    }
    return located
  }
}
