import Engine

/// The default, human-readable report (DESIGN §5).
///
/// Each finding is a header line `path:line:col: CODE [*] message` (`[*]` when a fix applies in
/// the file's fix mode) followed by the source line with carets under the span, in the gutter
/// layout ruff uses, and the fix's message when the finding has a fix:
///
///     Examples/main.py:28:9: AF102 [*] utime.sleep() blocks the event loop inside a coroutine
///        |
///     28 |         utime.sleep(0.5)
///        |         ^^^^^^^^^^^^^^^^
///        |
///        = help: Replace with `await asyncio.sleep_ms(500)`
///
/// then one summary line: `Found N findings (M fixable with 'asyncfix fix', K more with
/// '--unsafe-fixes').`, or `All checks passed!` when there is nothing to report and every file
/// could be read. When files could not be read and nothing was found, no summary is printed:
/// the errors on stderr and exit status 2 say it.
///
/// The fix mode is asked per finding because it is a per-file setting (`unsafe-fixes` in a
/// configuration file); by default every file is in safe mode.
public struct TextReporter: Sendable {
  public var style: TerminalStyle

  public init(style: TerminalStyle = .plain) {
    self.style = style
  }

  /// The full report of `findings` (already in output order).
  public func report(
    _ findings: [Finding], hadErrors: Bool, fixMode: (Finding) -> FixMode = { _ in .safe }
  ) -> String {
    var output = ""
    for finding in findings {
      let mode = fixMode(finding)
      output += header(finding, fixMode: mode) + "\n"
      output += snippet(finding, fixMode: mode) + "\n"
    }
    let counts = FixCounts(findings, fixMode: fixMode)
    if let summary = summary(
      findingCount: findings.count, fixable: counts.fixable, unsafeFixable: counts.unsafeFixable, hadErrors: hadErrors)
    {
      output += summary + "\n"
    }
    return output
  }

  /// One line per finding and nothing else, for `--quiet` and `parse`.
  public func conciseReport(_ findings: [Finding], fixMode: (Finding) -> FixMode = { _ in .safe }) -> String {
    findings.map { header($0, fixMode: fixMode($0)) + "\n" }.joined()
  }

  /// `path:line:col: CODE [*] message`, the marker only when `fixMode` applies a fix.
  public func header(_ finding: Finding, fixMode: FixMode = .safe) -> String {
    let location = "\(finding.start.line):\(finding.start.column)"
    let marker = finding.fix(for: fixMode) == nil ? "" : style.cyan("[*]") + " "
    return "\(style.bold(finding.path))\(style.cyan(":"))\(location)\(style.cyan(":")) "
      + "\(style.boldRed(finding.code)) \(marker)\(finding.message)"
  }

  /// The gutter block with the source line and carets, ending with an empty gutter line and,
  /// when the finding has a fix, a `= help:` line with its message.
  func snippet(_ finding: Finding, fixMode: FixMode = .safe) -> String {
    let snippet = finding.snippet
    let number = String(snippet.line)
    let padding = String(repeating: " ", count: number.count)
    let bar = style.boldBlue("|")
    let carets = String(repeating: " ", count: snippet.caretOffset)
      + style.boldRed(String(repeating: "^", count: snippet.caretLength))
    var block = """
      \(padding) \(bar)
      \(style.boldBlue(number)) \(bar) \(snippet.text)
      \(padding) \(bar) \(carets)
      \(padding) \(bar)

      """
    if let fix = finding.displayedFix(for: fixMode) {
      block += "\(padding) \(style.boldBlue("=")) \(style.bold("help")): \(fix.message)\n"
    }
    return block
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

  /// `--statistics`: one line per code, as ruff prints it — count (right-aligned), code, a
  /// `[*]`/`[ ]` marker when any code has a fix in the current mode, and the rule's name;
  /// sorted by count, most first, then by code. Empty when there are no findings.
  public func statistics(_ findings: [Finding], fixMode: (Finding) -> FixMode = { _ in .safe }) -> String {
    let rows = Statistic.table(findings, fixMode: fixMode)
    let countWidth = rows.map { String($0.count).count }.max() ?? 0
    let codeWidth = rows.map(\.code.count).max() ?? 0
    let anyFixable = rows.contains { $0.fixable > 0 }
    return rows.map { row in
      let count = String(row.count)
      let marker = anyFixable ? (row.fixable > 0 ? "[\(style.cyan("*"))] " : "[ ] ") : ""
      return String(repeating: " ", count: countWidth - count.count) + count + "\t"
        + row.code + String(repeating: " ", count: codeWidth - row.code.count) + "\t" + marker + row.name + "\n"
    }.joined()
  }
}

/// How many findings have a fix the current mode applies, and how many more `--unsafe-fixes`
/// would fix.
public struct FixCounts: Hashable, Sendable {
  public var fixable = 0
  public var unsafeFixable = 0

  public init(_ findings: [Finding], fixMode: (Finding) -> FixMode) {
    for finding in findings {
      if finding.fix(for: fixMode(finding)) != nil {
        fixable += 1
      } else if finding.fix(for: .safeAndUnsafe) != nil {
        unsafeFixable += 1
      }
    }
  }
}

/// One row of `--statistics`.
public struct Statistic: Hashable, Sendable {
  public var code: String
  public var name: String
  public var count: Int
  /// How many of them a fix in the current mode applies to.
  public var fixable: Int

  /// The rows for `findings`, most frequent first, then by code.
  public static func table(_ findings: [Finding], fixMode: (Finding) -> FixMode) -> [Statistic] {
    var rows: [String: Statistic] = [:]
    for finding in findings {
      var row = rows[finding.code] ?? Statistic(code: finding.code, name: finding.name, count: 0, fixable: 0)
      row.count += 1
      if finding.fix(for: fixMode(finding)) != nil { row.fixable += 1 }
      rows[finding.code] = row
    }
    return rows.values.sorted { ($1.count, $0.code) < ($0.count, $1.code) }
  }
}
