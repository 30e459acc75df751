import ArgumentParser
import Engine

/// `asyncfix check`: report findings.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Report findings in Python files (the default command).",
    discussion: """
      Directories are walked for *.py files, skipping .git, .venv, __pycache__, build, \
      node_modules, what .gitignore files exclude and the configuration's exclude \
      patterns; files named on the command line are always checked. Findings are \
      sorted by path, then position, whatever --jobs is. A finding marked [*] has a fix \
      that 'asyncfix fix' applies (with --unsafe-fixes, unsafe ones too); its help line \
      says what the fix does.

      Settings come from the nearest asyncfix.toml, or pyproject.toml with a \
      [tool.asyncfix] table, above each file (or from --config FILE); command-line \
      options win over them. A broken configuration is reported and the files it \
      governs are not checked (exit status 2); the other files still are.

      Examples:
        asyncfix check                    check the current directory
        asyncfix check Examples           check a directory
        asyncfix check --select AF0 .     only syntax errors
        asyncfix check --format json src  findings as JSON for other tools
        asyncfix check --statistics .     a count per rule
        asyncfix check --config ci.toml . settings from ci.toml for every file

      Exit status: 0 no findings, 1 findings, 2 a file, path or configuration could \
      not be used, 64 bad usage.
      """
  )

  @OptionGroup var options: SharedOptions

  @Argument(help: ArgumentHelp("Files or directories to check (default: the current directory).", valueName: "path"))
  var paths: [String] = []

  func run() throws {
    try FileCommand.run(.check, paths: paths, options: options)
  }
}
