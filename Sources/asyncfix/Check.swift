import ArgumentParser
import Engine
import Reports

/// `asyncfix check`: report findings.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Report findings in Python files (the default command).",
    discussion: """
      Directories are walked for *.py files, skipping .git, .venv, __pycache__, build, \
      node_modules, what .gitignore files exclude and the configuration's exclude \
      patterns; files named on the command line are always checked. Findings are \
      sorted by path, then position, whatever --jobs is.

      Settings come from the nearest asyncfix.toml, or pyproject.toml with a \
      [tool.asyncfix] table, above each file (or from --config FILE); command-line \
      options win over them. A broken configuration is reported and the files it \
      governs are not checked (exit status 2); the other files still are.

      Examples:
        asyncfix check                    check the current directory
        asyncfix check Examples           check a directory
        asyncfix check --select AF0 .     only syntax errors
        asyncfix check --format json src  findings as JSON for other tools
        asyncfix check --config ci.toml . settings from ci.toml for every file

      Exit status: 0 no findings, 1 findings, 2 a file, path or configuration could \
      not be used, 64 bad usage.
      """
  )

  @OptionGroup var options: SharedOptions

  @Argument(help: ArgumentHelp("Files or directories to check (default: the current directory).", valueName: "path"))
  var paths: [String] = []

  func run() throws {
    let run = Checker.check(
      paths: paths.isEmpty ? ["."] : paths,
      options: CheckOptions(
        overrides: options.configurationOverrides, configurationFile: options.config,
        jobs: options.effectiveJobs))
    for error in run.configurationErrors {
      Output.error("error: \(error)")
    }
    for error in run.errors {
      Output.error("error: \(error.path): \(error.message)")
    }
    let findings = run.findings
    let hadErrors = !run.errors.isEmpty || !run.configurationErrors.isEmpty
    switch options.format {
    case .json:
      Output.write(JSONReporter.report(findings))
    case .text:
      let reporter = TextReporter(style: TerminalStyle(isEnabled: options.usesColor))
      Output.write(
        options.quiet ? reporter.conciseReport(findings) : reporter.report(findings, hadErrors: hadErrors))
    }
    if hadErrors { throw ExitCode(2) }
    if !findings.isEmpty { throw ExitCode(1) }
  }
}
