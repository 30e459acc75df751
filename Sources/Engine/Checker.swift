import PythonSyntax

/// The outcome of checking one file: its findings, or why it could not be checked.
public struct FileReport: Hashable, Sendable {
  public var path: String
  /// Sorted by position.
  public var findings: [Finding]
  public var error: FileError?

  public init(path: String, findings: [Finding] = [], error: FileError? = nil) {
    self.path = path
    self.findings = findings
    self.error = error
  }
}

/// What `check` needs besides the paths.
public struct CheckOptions: Hashable, Sendable {
  /// The command line's settings, which win over configuration files.
  public var overrides: ConfigurationOverrides
  /// `--config FILE`: one configuration for every path instead of the nearest one.
  public var configurationFile: String?
  /// Upper bound on worker threads; at least 1.
  public var jobs: Int

  public init(
    overrides: ConfigurationOverrides = ConfigurationOverrides(), configurationFile: String? = nil, jobs: Int = 1
  ) {
    self.overrides = overrides
    self.configurationFile = configurationFile
    self.jobs = jobs
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
  /// Number of files that were read and parsed.
  public var checkedFileCount: Int { reports.count { $0.error == nil } }
}

/// The engine's entry point: discovery, then the per-file pipeline in parallel.
///
/// Foundation milestone: the per-file work is reading and parsing, and the only rule is AF001.
/// Later milestones add the project index between parsing and the rules (DESIGN §4).
public enum Checker {
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
    let reports = ParallelMap.map(work, jobs: options.jobs) { item in
      if let error = item.file.error { return FileReport(path: item.file.path, error: error) }
      return checkFile(item.file.path, settings: item.settings)
    }
    configurationErrors.sort { $0.file.utf8.lexicographicallyPrecedes($1.file.utf8) }
    return CheckRun(reports: reports, configurationErrors: configurationErrors)
  }

  /// Reads, parses and checks one file with `settings`.
  public static func checkFile(_ path: String, settings: Settings) -> FileReport {
    switch SourceFile.read(path) {
    case .failure(let error):
      return FileReport(path: path, error: error)
    case .success(let bytes):
      let tree = SyntaxTree.parse(SourceBuffer(bytes))
      return FileReport(path: path, findings: findings(in: tree, path: path, selection: settings.selection))
    }
  }

  /// Reads, parses and checks one file with the default settings but `selection`.
  public static func checkFile(_ path: String, selection: CodeSelection) -> FileReport {
    checkFile(path, settings: Settings(selection: selection))
  }

  /// Every enabled finding of a parsed file, sorted by position.
  public static func findings(in tree: SyntaxTree, path: String, selection: CodeSelection) -> [Finding] {
    var findings: [Finding] = []
    if selection.isEnabled(RuleCatalog.syntaxError.code) {
      findings += SyntaxErrorFindings.findings(in: tree, path: path)
    }
    return findings.sorted(by: Finding.precedes)
  }
}
