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
  public var selection: CodeSelection
  /// Upper bound on worker threads; at least 1.
  public var jobs: Int

  public init(selection: CodeSelection = .all, jobs: Int = 1) {
    self.selection = selection
    self.jobs = jobs
  }
}

/// The result of a whole run, in output order: reports sorted by path, findings by position.
public struct CheckRun: Hashable, Sendable {
  public var reports: [FileReport]

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
    let files = FileDiscovery.discover(paths)
    let reports = ParallelMap.map(files, jobs: options.jobs) { file in
      if let error = file.error { return FileReport(path: file.path, error: error) }
      return checkFile(file.path, selection: options.selection)
    }
    return CheckRun(reports: reports)
  }

  /// Reads, parses and checks one file.
  public static func checkFile(_ path: String, selection: CodeSelection) -> FileReport {
    switch SourceFile.read(path) {
    case .failure(let error):
      return FileReport(path: path, error: error)
    case .success(let bytes):
      let tree = SyntaxTree.parse(SourceBuffer(bytes))
      return FileReport(path: path, findings: findings(in: tree, path: path, selection: selection))
    }
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
