import PythonSyntax
import Semantics

/// The outcome of checking (or fixing) one file: its findings, or why it could not be checked.
public struct FileReport: Hashable, Sendable {
  public var path: String
  /// Sorted by position. After `fix` and `diff`: the findings that remain in the fixed text.
  public var findings: [Finding]
  /// Why the file could not be read; then there are no findings.
  public var error: FileError?
  /// Which fixes the file's settings allow (`--unsafe-fixes` or the configuration's
  /// `unsafe-fixes`): what `[*]` and the summary's counts are measured against.
  public var fixMode: FixMode
  /// `fix` and `diff`: the bytes read and what the fixes made of them, when they differ.
  public var original: [UInt8]?
  public var fixed: [UInt8]?
  /// `fix` and `diff`: the fixes applied (`fix`: and written) over all passes, each with the
  /// lines it changed, for reports that list them (JUnit's `fixed` test cases).
  public var appliedFixes: [AppliedFix]
  /// How many fixes were applied.
  public var fixedCount: Int { appliedFixes.count }
  /// Errors for this file besides `error`: a rolled-back pass, fixes that did not converge, a
  /// refused write. Each one makes the run exit with status 2.
  public var problems: [String]
  /// `fix`: the fix loop stopped at its pass bound (one of `problems`), so nothing is written.
  var didNotConverge = false

  public init(
    path: String, findings: [Finding] = [], error: FileError? = nil, fixMode: FixMode = .safe,
    original: [UInt8]? = nil, fixed: [UInt8]? = nil, appliedFixes: [AppliedFix] = [], problems: [String] = []
  ) {
    self.path = path
    self.findings = findings
    self.error = error
    self.fixMode = fixMode
    self.original = original
    self.fixed = fixed
    self.appliedFixes = appliedFixes
    self.problems = problems
  }

  /// Every error of this file as `path: message`, the read error first.
  public var failures: [String] {
    (error.map { [$0.description] } ?? []) + problems.map { "\(path): \($0)" }
  }
}

/// What a run does with the fixes: only report (`check`), write them (`fix`), or keep the
/// fixed text for a diff (`diff`). `fix` and `diff` compute exactly the same text.
public enum RunMode: Hashable, Sendable {
  case check
  case fix
  case diff
}

/// The rules for the file at a path under its settings, with the run's project index: given a
/// file's semantic model, its findings. The engine cannot see the rules (`Transforms` depends
/// on it), so the front end passes `RuleRunner.factory` in; tests may pass fakes. The model is
/// the one phase one built for the summary, so no file is parsed or modelled twice.
public typealias RuleFactory =
  @Sendable (_ path: String, _ settings: Settings, _ index: ProjectIndex) -> (SemanticModel) -> [Finding]

/// What a run needs besides the paths.
public struct CheckOptions: Sendable {
  /// The command line's settings, which win over configuration files.
  public var overrides: ConfigurationOverrides
  /// `--config FILE`: one configuration for every path instead of the nearest one.
  public var configurationFile: String?
  /// Upper bound on worker threads; at least 1.
  public var jobs: Int
  public var mode: RunMode
  public var rules: RuleFactory

  public init(
    overrides: ConfigurationOverrides = ConfigurationOverrides(), configurationFile: String? = nil, jobs: Int = 1,
    mode: RunMode = .check, rules: @escaping RuleFactory = Checker.syntaxErrorRules
  ) {
    self.overrides = overrides
    self.configurationFile = configurationFile
    self.jobs = jobs
    self.mode = mode
    self.rules = rules
  }
}

/// The result of a whole run, in output order: reports sorted by path, findings by position.
public struct CheckRun: Hashable, Sendable {
  /// The files checked or that could not be read; files governed by a broken configuration are
  /// not among them.
  public var reports: [FileReport]
  /// Each broken configuration once, sorted by file.
  public var configurationErrors: [ConfigurationError] = []

  public var findings: [Finding] { reports.flatMap(\.findings) }
  public var errors: [FileError] { reports.compactMap(\.error) }
  /// Every file error as `path: message`, in output order (configuration errors apart).
  public var failures: [String] { reports.flatMap(\.failures) }
  public var hasFailures: Bool { !configurationErrors.isEmpty || reports.contains { !$0.failures.isEmpty } }
  /// Number of files that were read and parsed.
  public var checkedFileCount: Int { reports.count { $0.error == nil } }
  /// `fix`/`diff`: fixes applied, and the files they changed.
  public var fixedCount: Int { reports.reduce(0) { $0 + $1.fixedCount } }
  public var fixedFileCount: Int { reports.count { $0.fixedCount > 0 } }
}

/// The engine's entry point: discovery, then two phases over the files in parallel (DESIGN §4).
///
/// Phase one reads and parses every file, builds its semantic model and its `ModuleSummary`;
/// the summaries make the run's `ProjectIndex`. Phase two gives each file's model (the one phase
/// one built: nothing is parsed twice) and the index to the rules the front end injects;
/// `check` drops the suppressed findings (`FixLoop.unsuppressedFindings`), `fix` and `diff` run
/// the fix loop and report what remains in its output, and `fix` writes the output atomically.
/// The index is built from the files as read and stays as it is during the fix loop: a file's
/// own definitions come from its current tree, other modules' from phase one. The results
/// come in discovery order, whatever the number of jobs, so output is byte-identical for any
/// `-j`.
public enum Checker {
  /// The rules when none are injected: AF001 from the parser's diagnostics, if selected.
  public static let syntaxErrorRules: RuleFactory = { path, settings, _ in
    { model in findings(in: model.tree, path: path, selection: settings.selection) }
  }

  public static func check(paths: [String], options: CheckOptions) -> CheckRun {
    let loader = ConfigurationLoader(configurationFile: options.configurationFile, overrides: options.overrides)
    let files = FileDiscovery.discover(paths, isExcluded: loader.isExcluded)
    // Settings are resolved on this thread: the loader caches per directory without a lock.
    var work: [(file: DiscoveredFile, settings: Settings)] = []
    var configurationErrors: [ConfigurationError] = []
    for file in files {
      switch loader.settings(forFile: file.path) {
      case .success(let settings): work.append((file, settings))
      case .failure(let error):
        if !configurationErrors.contains(error) { configurationErrors.append(error) }
      }
    }
    // Phase one: read every file and note the names it may define as awaitable; its summary
    // is made only if a rule asks (`ModuleSummaryCell`), from the bytes read here, so every
    // file of the run sees the same index whatever is written meanwhile and in whatever order.
    let scanned = ParallelMap.map(work, jobs: options.jobs) { item -> ReadFile in
      if let error = item.file.error { return .failed(error) }
      switch SourceFile.read(item.file.path) {
      case .failure(let error): return .failed(error)
      case .success(let bytes): return .read(bytes, AwaitableNameScan.candidates(in: bytes))
      }
    }
    let index = ProjectIndex(
      lazyModules: zip(work, scanned).compactMap { item, file in
        guard case .read(let bytes, let candidates) = file else { return nil }
        return (item.file.path, ModuleSummaryCell(load: { summary(of: bytes) }), candidates)
      },
      currentDirectory: ProjectPaths.currentDirectory, isPackageDirectory: ProjectPaths.isPackageDirectory)
    // Phase two: parse and model each file, and run the rules with the index.
    let reports = ParallelMap.map(Array(zip(work, scanned)), jobs: options.jobs) { item, file in
      switch file {
      case .failed(let error): return FileReport(path: item.file.path, error: error)
      case .read(let bytes, _):
        return processFile(item.file.path, source: ParsedSource(bytes), settings: item.settings, index: index, options: options)
      }
    }
    configurationErrors.sort { $0.file.utf8.lexicographicallyPrecedes($1.file.utf8) }
    return CheckRun(reports: reports, configurationErrors: configurationErrors)
  }

  /// `--stdin-filename`: `source` checked or fixed as if it were the file at `path` (whose
  /// configuration applies), with an index of that file alone. Nothing is written, even in `fix`
  /// mode: the caller prints `fixed ?? original`.
  public static func check(source: [UInt8], path: String, options: CheckOptions) -> CheckRun {
    let loader = ConfigurationLoader(configurationFile: options.configurationFile, overrides: options.overrides)
    switch loader.settings(forFile: path) {
    case .failure(let error):
      return CheckRun(reports: [], configurationErrors: [error])
    case .success(let settings):
      var readOnly = options
      if readOnly.mode == .fix { readOnly.mode = .diff }
      let parsed = ParsedSource(source)
      let index = ProjectIndex(
        modules: [(path, parsed.summary)], currentDirectory: ProjectPaths.currentDirectory,
        isPackageDirectory: ProjectPaths.isPackageDirectory)
      var report = process(parsed, path: path, settings: settings, index: index, options: readOnly)
      if report.original == nil { report.original = source }
      return CheckRun(reports: [report])
    }
  }

  /// Reads, parses and checks one file with `settings`, the syntax-error rule only.
  public static func checkFile(_ path: String, settings: Settings) -> FileReport {
    switch SourceFile.read(path) {
    case .failure(let error): return FileReport(path: path, error: error)
    case .success(let bytes):
      return processFile(path, source: ParsedSource(bytes), settings: settings, index: .empty, options: CheckOptions())
    }
  }

  /// Reads, parses and checks one file with the default settings but `selection`.
  public static func checkFile(_ path: String, selection: CodeSelection) -> FileReport {
    checkFile(path, settings: Settings(selection: selection))
  }

  /// Every enabled syntax-error finding of a parsed file, sorted by position.
  public static func findings(in tree: SyntaxTree, path: String, selection: CodeSelection) -> [Finding] {
    var findings: [Finding] = []
    if selection.isEnabled(RuleCatalog.syntaxError.code) {
      findings += SyntaxErrorFindings.findings(in: tree, path: path)
    }
    return findings.sorted(by: Finding.precedes)
  }

  /// `process`es a file read in phase one; in `fix` mode writes the fixed text.
  static func processFile(
    _ path: String, source: ParsedSource, settings: Settings, index: ProjectIndex, options: CheckOptions
  ) -> FileReport {
    var report = process(source, path: path, settings: settings, index: index, options: options)
    guard options.mode == .fix, let fixed = report.fixed else { return report }
    // Nothing is written for a fix loop that did not converge (its output is not trusted; the
    // problem is reported and the run exits with status 2), nor when the write fails.
    if report.didNotConverge {
      keepOriginal(&report, source: source, path: path, settings: settings, index: index, options: options)
    } else if case .failure(let error) = AtomicWrite.replaceContents(of: path, original: source.bytes, with: fixed) {
      keepOriginal(&report, source: source, path: path, settings: settings, index: index, options: options)
      report.problems.append(error.message)
    }
    return report
  }

  /// Makes `report` describe the unchanged file: what remains is what the file still holds.
  private static func keepOriginal(
    _ report: inout FileReport, source: ParsedSource, path: String, settings: Settings, index: ProjectIndex,
    options: CheckOptions
  ) {
    let rules = treeRules(options.rules(path, settings, index), reusing: source.model)
    report.findings = FixLoop.unsuppressedFindings(in: source.tree, rules: rules)
    report.fixed = nil
    report.appliedFixes = []
    report.didNotConverge = false
  }

  /// Checks, or runs the fix loop on, one parsed file.
  static func process(
    _ source: ParsedSource, path: String, settings: Settings, index: ProjectIndex, options: CheckOptions
  ) -> FileReport {
    let rules = treeRules(options.rules(path, settings, index), reusing: source.model)
    let fixMode: FixMode = settings.unsafeFixes ? .safeAndUnsafe : .safe
    if options.mode == .check {
      return FileReport(
        path: path, findings: FixLoop.unsuppressedFindings(in: source.tree, rules: rules), fixMode: fixMode)
    }
    let outcome = FixLoop.run(source.bytes, tree: source.tree, mode: fixMode, rules: rules)
    var report = FileReport(
      path: path, findings: outcome.remainingFindings, fixMode: fixMode,
      original: outcome.changed ? source.bytes : nil, fixed: outcome.changed ? outcome.bytes : nil,
      appliedFixes: outcome.appliedFixes, problems: outcome.problems.map(\.description))
    report.didNotConverge = outcome.problems.contains { if case .didNotConverge = $0 { true } else { false } }
    return report
  }

  /// The model-based rules as the fix loop takes them: the phase-one model for the tree it was
  /// built from, a new model for each re-parsed pass.
  static func treeRules(_ rules: @escaping (SemanticModel) -> [Finding], reusing model: SemanticModel)
    -> (SyntaxTree) -> [Finding]
  {
    { tree in rules(tree === model.tree ? model : SemanticModel(tree)) }
  }
}

/// Phase one's product for one file: its bytes and the names it may define as awaitable.
enum ReadFile: Sendable {
  case read([UInt8], AwaitableNameScan.Candidates)
  case failed(FileError)
}

/// A file's bytes with its tree and semantic model, built once in phase two.
final class ParsedSource: Sendable {
  let bytes: [UInt8]
  let model: SemanticModel
  var tree: SyntaxTree { model.tree }
  /// What the project index knows of this file, from the tree as read.
  var summary: ModuleSummary { ModuleSummary(model) }

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
    model = SemanticModel(SyntaxTree.parse(SourceBuffer(bytes)))
  }
}

extension Checker {
  /// The summary of a file's bytes: parsed and modelled again, for the few modules a rule asks
  /// about (cheaper than keeping every file's tree from phase one to phase two).
  static func summary(of bytes: [UInt8]) -> ModuleSummary {
    ModuleSummary(SemanticModel(SyntaxTree.parse(SourceBuffer(bytes))))
  }
}
