import ArgumentParser

/// The `asyncfix` command: a thin front end that parses options and calls the engine.
@main
struct AsyncFix: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "asyncfix",
    abstract: "Find and fix asyncio pitfalls in MicroPython and CPython code.",
    discussion: """
      asyncfix parses Python into a lossless syntax tree, reports the asyncio pitfalls it \
      finds and fixes those it can (AF101-AF105), keeping every comment and line ending: \
      missing awaits, \
      blocking sleeps and calls, loops that never yield, swallowed cancellations, events set \
      from interrupts, state changed across awaits, misplaced awaits and asyncio.run \
      (AF101-AF109), and syntax errors (AF001). 'asyncfix rules' lists them.

      Examples:
        asyncfix Examples                 check a directory (check is the default)
        asyncfix check app.py lib/        check files and directories
        asyncfix diff Examples            preview the fixes as a unified diff
        asyncfix fix Examples             apply the safe fixes in place
        asyncfix fix --unsafe-fixes app   also the unsafe ones (review the diff)
        asyncfix check --format json .    findings as JSON for other tools
        asyncfix check --format sarif .   SARIF 2.1.0 for code scanning
        asyncfix check --junit-xml r.xml  also write a JUnit XML report
        asyncfix rules                    list the rules
        asyncfix explain AF102            why a rule matters and how it fixes
        asyncfix parse --tree main.py     show the syntax tree of a file

      Exit status: 0 no findings (diff: no changes), 1 findings remain (diff: changes), \
      2 a file, path or configuration could not be used, 64 bad usage.
      """,
    version: "0.1.0",
    subcommands: [Check.self, Fix.self, Diff.self, Rules.self, Explain.self, Parse.self],
    defaultSubcommand: Check.self
  )

  /// Runs the command, keeping exit status 1 for "findings": an unexpected error from a
  /// command (none is expected; each file's errors are reported by the engine) exits 2, the
  /// status for a tool failure, and argument errors exit 64 (`EX_USAGE`) as the parser sets.
  static func main() {
    do {
      let (options, paths) = PathArguments.split(Array(CommandLine.arguments.dropFirst()))
      var command = try parseAsRoot(options)
      if let paths { command = try PathArguments.append(paths, to: command) }
      try command.run()
    } catch let code as ExitCode {
      exit(withError: code)
    } catch {
      if exitCode(for: error) == .failure {
        Output.error("error: \(error)")
        exit(withError: ExitCode(2))
      }
      exit(withError: error)
    }
  }
}
