import ArgumentParser
import Engine
import Foundation
import Semantics

/// How `parse` and `rules` print: text or JSON.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
  case text
  case json
}

/// What `check`, `fix` and `diff` print on standard output (DESIGN §5).
enum ReportFormat: String, CaseIterable, ExpressibleByArgument {
  case text
  case json
  case sarif
  case github
  case junit
}

extension TargetSetting: ExpressibleByArgument {}

/// When to colour the text report.
enum ColorChoice: String, CaseIterable, ExpressibleByArgument {
  case auto
  case always
  case never
}

/// Options shared by the commands that check files: `check`, `fix` and `diff`.
struct SharedOptions: ParsableArguments {
  @Option(
    name: .customLong("select"), parsing: .singleValue,
    help: ArgumentHelp(
      "Rule codes or prefixes to enable, comma-separated (default: all).", valueName: "CODES"))
  var select: [String] = []

  @Option(
    name: .customLong("ignore"), parsing: .singleValue,
    help: ArgumentHelp("Rule codes or prefixes to disable, comma-separated.", valueName: "CODES"))
  var ignore: [String] = []

  @Option(
    help: ArgumentHelp(
      "The Python the files are written for; auto decides per file from its imports (default: the "
        + "configuration's target, else auto).", valueName: "target"))
  var target: TargetSetting?

  @Option(
    help: ArgumentHelp(
      "Read settings from FILE (its [tool.asyncfix] table if it is a pyproject.toml) instead of the nearest "
        + "pyproject.toml or asyncfix.toml.", valueName: "FILE"))
  var config: String?

  @Flag(
    inversion: .prefixedNo,
    help: "Also apply unsafe fixes (they may change behaviour; default: the configuration's unsafe-fixes, else no).")
  var unsafeFixes: Bool?

  @Option(
    help: ArgumentHelp(
      "What to print on standard output: text, json, sarif (SARIF 2.1.0), github (workflow annotations) or junit "
        + "(JUnit XML); diff prints its diff with text, else that report of what its fixes leave.", valueName: "format")
  )
  var format: ReportFormat = .text

  @Option(
    help: ArgumentHelp("Also write the JUnit XML report to FILE, whatever --format is.", valueName: "FILE"))
  var junitXml: String?

  @Flag(help: "Leave the file and line attributes out of the JUnit report (for the plain Jenkins xUnit schema).")
  var junitStrict = false

  @Flag(help: "Print a count per rule instead of the findings: count, code, [*] if fixable, name.")
  var statistics = false

  @Option(
    help: ArgumentHelp(
      "Read the source from standard input, as if it were the file NAME (for configuration and messages); fix "
        + "writes the fixed source to standard output and the report to standard error.", valueName: "NAME"))
  var stdinFilename: String?

  @Flag(name: [.customShort("q"), .long], help: "Print only one line per finding: no source lines, no summary.")
  var quiet = false

  @Option(
    name: [.customShort("j", allowingJoined: true), .long],
    help: ArgumentHelp("Number of files checked in parallel (default: the number of cores).", valueName: "N"))
  var jobs: Int?

  @Option(help: "When to colour the text report (auto: only on a terminal, unless NO_COLOR is set).")
  var color: ColorChoice = .auto

  mutating func validate() throws {
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
    if stdinFilename?.isEmpty == true { throw ValidationError("--stdin-filename needs a file name.") }
    if junitXml?.isEmpty == true { throw ValidationError("--junit-xml needs a file name.") }
    _ = try codeSelection()
  }

  /// The selection, or a usage error naming the unknown code.
  func codeSelection() throws -> CodeSelection {
    do {
      let selected = CodeSelection.selectors(from: select)
      return try CodeSelection(
        select: select.isEmpty ? nil : selected, ignore: CodeSelection.selectors(from: ignore))
    } catch let error as CodeSelection.UnknownCodeError {
      throw ValidationError(error.description)
    }
  }

  /// The settings the command line gives, which win over configuration files. The codes were
  /// checked by `validate()`.
  var configurationOverrides: ConfigurationOverrides {
    ConfigurationOverrides(
      select: select.isEmpty ? nil : CodeSelection.selectors(from: select),
      ignore: CodeSelection.selectors(from: ignore), target: target, unsafeFixes: unsafeFixes)
  }

  var effectiveJobs: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }

  /// Colour only on a terminal, unless forced; `NO_COLOR` (no-color.org) and `TERM=dumb` turn
  /// automatic colour off.
  var usesColor: Bool {
    switch color {
    case .always: true
    case .never: false
    case .auto: Output.stdoutIsTerminal && !Output.environmentDisablesColor
    }
  }
}
