import ArgumentParser
import Engine
import Reports

/// `asyncfix check`: report findings.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Report findings in Python files (the default command).",
    discussion: """
      Directories are walked for *.py files, skipping .git, .venv, __pycache__, build, \
      node_modules and what .gitignore files exclude; files named on the command line are \
      always checked. Findings are sorted by path, then position, whatever --jobs is.

      Examples:
        asyncfix check                    check the current directory
        asyncfix check Examples           check a directory
        asyncfix check --select AF0 .     only syntax errors
        asyncfix check --format json src  findings as JSON for other tools

      Exit status: 0 no findings, 1 findings, 2 a file or path could not be checked, \
      64 bad usage.
      """
  )

  @OptionGroup var options: SharedOptions

  @Argument(help: ArgumentHelp("Files or directories to check (default: the current directory).", valueName: "path"))
  var paths: [String] = []

  func run() throws {
    let run = Checker.check(
      paths: paths.isEmpty ? ["."] : paths,
      options: CheckOptions(selection: try options.codeSelection(), jobs: options.effectiveJobs))
    for error in run.errors {
      Output.error("error: \(error.path): \(error.message)")
    }
    let findings = run.findings
    switch options.format {
    case .json:
      Output.write(JSONReporter.report(findings))
    case .text:
      let reporter = TextReporter(style: TerminalStyle(isEnabled: options.usesColor))
      Output.write(
        options.quiet ? reporter.conciseReport(findings) : reporter.report(findings, hadErrors: !run.errors.isEmpty))
    }
    if !run.errors.isEmpty { throw ExitCode(2) }
    if !findings.isEmpty { throw ExitCode(1) }
  }
}
