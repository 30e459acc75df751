import PythonSyntax

/// A fix applied in one pass of the fix loop.
public struct AppliedFix: Hashable, Sendable {
  /// The finding as it was reported on the pass's input (its positions are in that text).
  public var finding: Finding
  public var fix: Fix
  /// 1-based number of the pass that applied it.
  public var pass: Int
  /// The lines the fix changed, before and after, for reports (JUnit `<system-out>`).
  public var hunk: FixHunk
}

/// The whole lines a fix touched in its pass's input, and what they became with that fix alone.
public struct FixHunk: Hashable, Sendable {
  /// 1-based line of the pass's input where `original` starts.
  public var line: Int
  /// The touched lines with their line breaks (empty for an insertion at the end of the file).
  public var original: [UInt8]
  public var fixed: [UInt8]

  /// The hunk of `fix` in `source`.
  init(fix: Fix, in source: SourceBuffer) {
    let starts = source.lineStarts
    let first = source.line(of: fix.startOffset)
    let end = fix.edits.map(\.range.upperBound).max() ?? fix.startOffset
    // An edit ending right after a line break does not touch the next line.
    var last = source.line(of: end)
    if last > first && end == starts[last - 1] { last -= 1 }
    let lower = starts[first - 1]
    let upper = last < starts.count ? starts[last] : UInt32(source.count)
    let original = Array(source.bytes[Int(lower)..<Int(upper)])
    let shifted = fix.edits.map {
      Edit(range: ($0.range.lowerBound - lower)..<($0.range.upperBound - lower), replacement: $0.replacement)
    }
    self.line = first
    self.original = original
    self.fixed = Edit.apply(shifted, to: original)
  }
}

/// One pass of the fix loop: its input, output and the fixes it applied.
public struct FixPass: Hashable, Sendable {
  /// 1-based.
  public var number: Int
  public var input: [UInt8]
  public var output: [UInt8]
  public var applied: [AppliedFix]
}

/// Why the fix loop stopped early. The file keeps the last good text; these are errors for it.
public enum FixProblem: Hashable, Sendable, CustomStringConvertible {
  /// Pass `pass` made a file that parsed without errors fail to parse, so its edits were
  /// discarded: `fixes` are the fixes it would have applied (positions in its input), and
  /// `syntaxError` the first error of the rejected text with its position there.
  case rolledBack(pass: Int, fixes: [AppliedFix], syntaxError: String)
  /// Fixes still applied after `passes` passes (a rule keeps offering fixes to its own output).
  case didNotConverge(passes: Int)

  public var description: String {
    switch self {
    case .rolledBack(_, let fixes, let syntaxError):
      let list = fixes.map { "\($0.finding.code) at \($0.finding.start.line):\($0.finding.start.column)" }
      return "fixes rolled back because they introduced a syntax error (\(syntaxError)): "
        + list.joined(separator: ", ")
    case .didNotConverge(let passes):
      return "fixes did not converge after \(passes) passes"
    }
  }
}

/// What the fix loop made of one file.
public struct FixOutcome: @unchecked Sendable {
  /// The fixed text (the input when nothing applied).
  public var bytes: [UInt8]
  /// The tree of `bytes`.
  public var tree: SyntaxTree
  /// The passes that were kept, in order.
  public var passes: [FixPass]
  /// Unsuppressed findings of the last rule run, on `bytes`, sorted by position.
  public var remainingFindings: [Finding]
  /// Rollback and convergence errors (at most one of each).
  public var problems: [FixProblem]

  public var appliedFixes: [AppliedFix] { passes.flatMap(\.applied) }
  public var changed: Bool { !passes.isEmpty }
}

/// Applies fixes until none applies (DESIGN §4).
///
/// Each pass runs the rules on the current tree, drops suppressed findings, applies every
/// selected fix that does not conflict with another (`FixSelection`), and re-parses. Fixes that
/// had to wait are offered again by the rules in the next pass. The loop ends when no fix
/// applies; stopping because of the pass bound is an error, and so is a pass that turns a
/// valid file invalid or adds syntax errors to an invalid one (`makesWorse`) — that pass is
/// discarded and the loop stops with the last good text.
/// The rules are a parameter so that tests can drive the loop with fake rules.
public enum FixLoop {
  public static let maximumPasses = 10

  /// `tree`, when given, is the tree of `input` already parsed (the checker's phase one).
  public static func run(
    _ input: [UInt8], tree inputTree: SyntaxTree? = nil, mode: FixMode, maximumPasses: Int = maximumPasses,
    rules: (SyntaxTree) -> [Finding]
  ) -> FixOutcome {
    var bytes = input
    var tree = inputTree ?? SyntaxTree.parse(SourceBuffer(bytes))
    var findings = unsuppressedFindings(in: tree, rules: rules)
    var passes: [FixPass] = []
    var problems: [FixProblem] = []
    while true {
      let selected = FixSelection.select(findings, mode: mode, in: bytes)
      if selected.isEmpty { break }
      if passes.count >= maximumPasses {
        problems.append(.didNotConverge(passes: passes.count))
        break
      }
      let number = passes.count + 1
      let applied = selected.map {
        AppliedFix(finding: $0.finding, fix: $0.fix, pass: number, hunk: FixHunk(fix: $0.fix, in: tree.source))
      }
      let output = FixSelection.apply(selected, to: bytes)
      let outputTree = SyntaxTree.parse(SourceBuffer(output))
      if makesWorse(outputTree, than: tree, edits: selected.flatMap(\.fix.edits)) {
        problems.append(.rolledBack(pass: number, fixes: applied, syntaxError: describe(outputTree)))
        break
      }
      passes.append(FixPass(number: number, input: bytes, output: output, applied: applied))
      bytes = output
      tree = outputTree
      findings = unsuppressedFindings(in: tree, rules: rules)
    }
    return FixOutcome(bytes: bytes, tree: tree, passes: passes, remainingFindings: findings, problems: problems)
  }

  /// The rules' findings on `tree` that no suppression comment hides, sorted by position.
  public static func unsuppressedFindings(in tree: SyntaxTree, rules: (SyntaxTree) -> [Finding]) -> [Finding] {
    let findings = rules(tree)
    if findings.isEmpty { return [] }
    return SuppressionIndex(tree: tree).unsuppressed(findings).sorted(by: Finding.precedes)
  }

  /// Whether a pass's output is syntactically worse than its input: a valid file became invalid,
  /// or an invalid one got more syntax errors or one at an offset (mapped back through the pass's
  /// edits) where its input had none.
  static func makesWorse(_ output: SyntaxTree, than input: SyntaxTree, edits: [Edit]) -> Bool {
    if output.isValid { return false }
    if input.isValid { return true }
    if output.diagnostics.count > input.diagnostics.count { return true }
    let known = Set(input.diagnostics.map(\.offset))
    // Identical edits of several fixes apply once.
    let sorted = Set(edits).sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
    for diagnostic in output.diagnostics {
      // Map the output offset back to the input by undoing the growth of every edit before it;
      // an offset inside (or at the point of) an edit's new text is new.
      let offset = Int64(diagnostic.offset)
      var delta: Int64 = 0
      var insideEdit = false
      for edit in sorted {
        let outputStart = Int64(edit.range.lowerBound) + delta
        let outputEnd = outputStart + Int64(edit.replacement.count)
        if offset < outputStart { break }
        if offset < outputEnd || (edit.replacement.isEmpty && offset == outputStart) {
          insideEdit = true
          break
        }
        delta += Int64(edit.replacement.count) - Int64(edit.range.count)
      }
      let mapped = offset - delta
      if insideEdit || mapped < 0 || !known.contains(UInt32(mapped)) { return true }
    }
    return false
  }

  /// `message at line:column` of the first syntax error of an invalid tree.
  private static func describe(_ tree: SyntaxTree) -> String {
    guard let diagnostic = tree.diagnostics.first else { return "syntax error" }
    let position = TextPosition(offset: diagnostic.offset, in: tree.source)
    return "\(diagnostic.message) at \(position.line):\(position.column)"
  }
}
