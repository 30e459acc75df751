import ArgumentParser
import Engine
import Foundation
import Reports
import Transforms

/// What `check`, `fix` and `diff` share: run the engine over the paths (or standard input) with
/// the rules of `Transforms/`, print errors to stderr and the report or diff, and choose the
/// exit status (DESIGN §5: 2 for any file or configuration failure, else 1 when findings remain
/// or the diff is not empty, else 0).
enum FileCommand {
  static func run(_ mode: RunMode, paths: [String], options: SharedOptions) throws {
    let start = ContinuousClock.now
    let checkOptions = CheckOptions(
      overrides: options.configurationOverrides, configurationFile: options.config, jobs: options.effectiveJobs,
      mode: mode, rules: RuleRunner.factory)
    let run: CheckRun
    var standardInput: [UInt8]?
    if let name = options.stdinFilename {
      if !paths.isEmpty { throw ValidationError("--stdin-filename reads standard input: give no PATH.") }
      let source = Output.readStandardInput()
      standardInput = source
      run = Checker.check(source: source, path: name, options: checkOptions)
    } else {
      run = Checker.check(paths: paths.isEmpty ? ["."] : paths, options: checkOptions)
    }
    for error in run.configurationErrors { Output.error("error: \(error)") }
    for failure in run.failures { Output.error("error: \(failure)") }
    var junitFailed = false
    if let junitPath = options.junitXml {
      let xml = JUnitReport.render(run, options: junitOptions(mode, options), clock: .system(since: start))
      do {
        try Data(xml).write(to: URL(fileURLWithPath: junitPath), options: .atomic)
      } catch {
        Output.error("error: \(junitPath): could not write the JUnit report: \(error.localizedDescription)")
        junitFailed = true
      }
    }

    if mode == .diff && options.format == .text {
      try printDiff(run, options: options, junitFailed: junitFailed)
      return
    }
    if mode == .fix, let source = standardInput {
      // The fixed source is the output; the report goes to stderr so a pipe gets only code.
      Output.write(bytes: run.reports.first?.fixed ?? source)
      Output.writeError(report(run, mode: mode, options: options, start: start))
    } else {
      Output.write(report(run, mode: mode, options: options, start: start))
    }
    if run.hasFailures || junitFailed { throw ExitCode(2) }
    if mode == .diff {
      // diff's status is the diff's, whatever the format shows.
      if run.reports.contains(where: { $0.original != nil && $0.fixed != nil && $0.original != $0.fixed }) {
        throw ExitCode(1)
      }
      return
    }
    if !run.findings.isEmpty { throw ExitCode(1) }
  }

  private static func junitOptions(_ mode: RunMode, _ options: SharedOptions) -> JUnitReport.Options {
    JUnitReport.Options(strict: options.junitStrict, mode: ReportMode(mode))
  }

  /// The report of what remains: findings (or `--statistics`) in the chosen format, and for
  /// `fix` in text a closing `Fixed N findings in M files.` line.
  private static func report(
    _ run: CheckRun, mode: RunMode, options: SharedOptions, start: ContinuousClock.Instant
  ) -> String {
    let modes = Dictionary(run.reports.map { ($0.path, $0.fixMode) }, uniquingKeysWith: { first, _ in first })
    let fixMode = { (finding: Finding) in modes[finding.path] ?? .safe }
    let findings = run.findings
    switch options.format {
    case .sarif:
      return SARIFReport.render(
        findings, rules: RuleDocument.all.map(\.sarifRule), version: AsyncFix.configuration.version, fixMode: fixMode)
    case .github:
      return GitHubReport.render(findings)
    case .junit:
      let xml = JUnitReport.render(run, options: junitOptions(mode, options), clock: .system(since: start))
      return String(decoding: xml, as: UTF8.self)
    case .json:
      return options.statistics
        ? JSONReporter.statistics(findings, fixMode: fixMode) : JSONReporter.report(findings, fixMode: fixMode)
    case .text:
      let reporter = TextReporter(style: TerminalStyle(isEnabled: options.usesColor))
      var text: String
      if options.statistics {
        text = reporter.statistics(findings, fixMode: fixMode)
      } else if options.quiet {
        text = reporter.conciseReport(findings, fixMode: fixMode)
      } else {
        text = reporter.report(findings, hadErrors: run.hasFailures, fixMode: fixMode)
      }
      if mode == .fix && !options.quiet && !options.statistics {
        text += "Fixed \(counted(run.fixedCount, "finding")) in \(counted(run.fixedFileCount, "file")).\n"
      }
      return text
    }
  }

  /// `diff`: one unified diff per changed file, paths as given, in output order; then on
  /// stderr how many fixes it holds.
  private static func printDiff(_ run: CheckRun, options: SharedOptions, junitFailed: Bool) throws {
    var changed = false
    for report in run.reports {
      guard let original = report.original, let fixed = report.fixed else { continue }
      let diff = UnifiedDiff.diff(old: original, new: fixed, path: report.path)
      if diff.isEmpty { continue }
      changed = true
      Output.write(bytes: diff)
    }
    if !options.quiet {
      let summary =
        changed
        ? "Would fix \(counted(run.fixedCount, "finding")) in \(counted(run.fixedFileCount, "file"))."
        : "No fixes to apply."
      Output.error(summary)
    }
    if run.hasFailures || junitFailed { throw ExitCode(2) }
    if changed { throw ExitCode(1) }
  }

  private static func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
  }
}
