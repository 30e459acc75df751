/// Conflict resolution for one pass: which of the fixes the rules offer can be applied together.
///
/// Fixes are considered in a fixed order — by the finding's position, then rule code, then the
/// fix's first edit and message — so the same input always gives the same pass, whatever order
/// the rules ran in. A fix is accepted when none of its edits conflicts with an edit already
/// accepted (`Edit.conflicts(with:)`); the others wait for the next pass, where the rules run
/// again on the new text and re-offer them if they still apply.
public enum FixSelection {
  /// A finding and the fix chosen for it.
  public struct Candidate: Hashable, Sendable {
    public var finding: Finding
    public var fix: Fix

    public init(finding: Finding, fix: Fix) {
      self.finding = finding
      self.fix = fix
    }
  }

  /// The fixes one pass applies to `bytes`: for each finding the first alternative `mode`
  /// allows, skipping fixes that are malformed or change nothing, then every fix that does not
  /// conflict with one accepted before it. Returned in the order considered.
  public static func select(_ findings: [Finding], mode: FixMode, in bytes: [UInt8]) -> [Candidate] {
    let candidates = findings.compactMap { finding -> Candidate? in
      guard let fix = finding.fix(for: mode), fix.isApplicable(to: bytes) else { return nil }
      return Candidate(finding: finding, fix: fix)
    }.sorted(by: precedes)

    var accepted: [Candidate] = []
    // Accepted edits sorted by start, so each check looks only at edits that can reach it.
    var acceptedEdits: [Edit] = []
    for candidate in candidates where !candidate.fix.edits.contains(where: { conflicts($0, acceptedEdits) }) {
      accepted.append(candidate)
      for edit in candidate.fix.edits {
        let position = insertionIndex(of: edit.range.lowerBound, in: acceptedEdits)
        acceptedEdits.insert(edit, at: position)
      }
    }
    return accepted
  }

  /// The new bytes after applying `candidates` (mutually non-conflicting) to `bytes`.
  public static func apply(_ candidates: [Candidate], to bytes: [UInt8]) -> [UInt8] {
    Edit.apply(candidates.flatMap(\.fix.edits), to: bytes)
  }

  static func precedes(_ lhs: Candidate, _ rhs: Candidate) -> Bool {
    let (left, right) = (lhs.finding, rhs.finding)
    if left.range.lowerBound != right.range.lowerBound { return left.range.lowerBound < right.range.lowerBound }
    if left.code != right.code { return left.code < right.code }
    if lhs.fix.startOffset != rhs.fix.startOffset { return lhs.fix.startOffset < rhs.fix.startOffset }
    if left.range.upperBound != right.range.upperBound { return left.range.upperBound < right.range.upperBound }
    if left.message != right.message { return left.message < right.message }
    return lhs.fix.message < rhs.fix.message
  }

  /// Whether `edit` conflicts with any of `sorted` (sorted by start offset).
  private static func conflicts(_ edit: Edit, _ sorted: [Edit]) -> Bool {
    // Edits starting after `edit` ends cannot touch it; those starting before may be long, so
    // walk back from the first edit starting past `edit`'s end. Accepted edits do not overlap
    // one another (at most they touch inside one fix), so their ends grow with their starts:
    // once one ends before `edit` starts, all earlier ones do too.
    var index = insertionIndex(of: edit.range.upperBound, in: sorted)
    while index > 0 {
      index -= 1
      let other = sorted[index]
      if other.conflicts(with: edit) { return true }
      if other.range.upperBound < edit.range.lowerBound { return false }
    }
    return false
  }

  /// The first index in `sorted` whose edit starts after `offset`.
  private static func insertionIndex(of offset: UInt32, in sorted: [Edit]) -> Int {
    var low = 0
    var high = sorted.count
    while low < high {
      let middle = (low + high) / 2
      if sorted[middle].range.lowerBound <= offset { low = middle + 1 } else { high = middle }
    }
    return low
  }
}
