import Engine

/// The default, human-readable report (DESIGN §5).
///
/// Each finding is a header line `path:line:col: CODE message` followed by the source line with
/// carets under the span, in the gutter layout ruff uses:
///
///     Examples/main.py:3:11: AF001 expected ':'
///       |
///     3 | while True
///       |           ^
///       |
///
/// then one summary line: `Found N findings (M fixable with 'asyncfix fix', K more with
/// '--unsafe-fixes').`, or `All checks passed!` when there is nothing to report and every file
/// could be read. When files could not be read and nothing was found, no summary is printed:
/// the errors on stderr and exit status 2 say it.
public struct TextReporter: Sendable {
  public var style: TerminalStyle

  public init(style: TerminalStyle = .plain) {
    self.style = style
  }

  /// The full report of `findings` (already in output order).
  public func report(_ findings: [Finding], hadErrors: Bool) -> String {
    var output = ""
    for finding in findings {
      output += header(finding) + "\n"
      output += snippet(finding) + "\n"
    }
    if let summary = summary(findingCount: findings.count, fixable: 0, unsafeFixable: 0, hadErrors: hadErrors) {
      output += summary + "\n"
    }
    return output
  }

  /// One line per finding and nothing else, for `--quiet` and `parse`.
  public func conciseReport(_ findings: [Finding]) -> String {
    findings.map { header($0) + "\n" }.joined()
  }

  /// `path:line:col: CODE message`.
  public func header(_ finding: Finding) -> String {
    let location = "\(finding.start.line):\(finding.start.column)"
    return "\(style.bold(finding.path))\(style.cyan(":"))\(location)\(style.cyan(":")) "
      + "\(style.boldRed(finding.code)) \(finding.message)"
  }

  /// The gutter block with the source line and carets, ending with an empty gutter line.
  func snippet(_ finding: Finding) -> String {
    let snippet = finding.snippet
    let number = String(snippet.line)
    let padding = String(repeating: " ", count: number.count)
    let bar = style.boldBlue("|")
    let carets = String(repeating: " ", count: snippet.caretOffset)
      + style.boldRed(String(repeating: "^", count: snippet.caretLength))
    return """
      \(padding) \(bar)
      \(style.boldBlue(number)) \(bar) \(snippet.text)
      \(padding) \(bar) \(carets)
      \(padding) \(bar)

      """
  }

  /// The closing line; `nil` when there were errors and no findings.
  public func summary(findingCount: Int, fixable: Int, unsafeFixable: Int, hadErrors: Bool) -> String? {
    if findingCount == 0 {
      return hadErrors ? nil : style.boldGreen("All checks passed!")
    }
    let noun = findingCount == 1 ? "finding" : "findings"
    return "Found \(findingCount) \(noun) (\(fixable) fixable with 'asyncfix fix', "
      + "\(unsafeFixable) more with '--unsafe-fixes')."
  }
}
