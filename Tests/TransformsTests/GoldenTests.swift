import Engine
import Foundation
import PythonSyntax
import Reports
import Transforms
import TestSupport
import XCTest

/// The golden-file runner (DESIGN §6): every `Golden/<folder>/<case>.py` (the rule folders and
/// `Golden/programs`; `Golden/cli` and `Golden/reports` belong to other tests) is checked and
/// fixed in-process, exactly as `check` and `fix` do it, and compared byte for byte with:
///
/// - `<case>.findings`: the text `check --color never` prints for the case, run from the
///   repository root with the case's path as argument, so paths read `Golden/<folder>/<case>.py`.
///   Empty when the case has no finding (where `check` says `All checks passed!`), as §6 asks.
/// - `<case>.fixed.py`: the file after `fix` (safe fixes); absent when `fix` changes nothing.
/// - `<case>.unsafe.py`: the file after `fix --unsafe-fixes`, only where it differs from
///   `.fixed.py`.
///
/// Every output must also parse without errors and print back byte for byte, be a fixed point
/// (fixing it again changes nothing) and be accepted by CPython's own parser.
///
/// A case runs with the settings `check` would find for it: a folder may hold an `asyncfix.toml`
/// (`Golden/AF109-blocking-call-configured/` does, for `blocking-calls`).
///
/// A directory `Golden/<folder>/<case>/` is a project case, checked as one run of the engine
/// (`Checker.check` on the directory, so every file is in the project index): `<case>.findings`
/// holds the findings of all its files, and `<case>.fixed/` / `<case>.unsafe/` hold, at the same
/// relative paths, the files that `fix` (and `fix --unsafe-fixes`, where it differs) changes.
///
/// `ASYNCFIX_UPDATE_GOLDEN=1 swift test --filter GoldenTests` rewrites the expected files
/// (creating and deleting `.fixed.py` / `.unsafe.py` as needed); review the git diff to accept.
final class GoldenTests: XCTestCase {
  static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let ownedElsewhere: Set<String> = ["cli", "reports"]
  static let python = "/root/.pyenv/versions/3.13.0/bin/python3.13"

  var updating: Bool { ProcessInfo.processInfo.environment["ASYNCFIX_UPDATE_GOLDEN"] == "1" }

  /// One case: its path relative to the repository root, without `.py`.
  struct Case {
    let stem: String
    var input: String { stem + ".py" }
    var findings: String { stem + ".findings" }
    var fixed: String { stem + ".fixed.py" }
    var unsafe: String { stem + ".unsafe.py" }
  }

  /// What the tool makes of one case.
  struct Outputs {
    let findings: String
    let fixed: FixOutcome
    let unsafe: FixOutcome
  }

  func testGoldenCases() throws {
    let cases = try Self.cases()
    XCTAssertGreaterThan(cases.count, 0, "no golden cases found under \(Self.repositoryRoot.path)/Golden")
    for goldenCase in cases {
      let input = try read(goldenCase.input)
      let outputs = try Self.run(goldenCase, input)
      try compare(outputs.findings.utf8.map { $0 }, with: goldenCase.findings, present: true)
      let fixedChanged = outputs.fixed.bytes != input
      try compare(outputs.fixed.bytes, with: goldenCase.fixed, present: fixedChanged)
      try compare(outputs.unsafe.bytes, with: goldenCase.unsafe, present: outputs.unsafe.bytes != outputs.fixed.bytes)
      for (mode, outcome) in [(FixMode.safe, outputs.fixed), (.safeAndUnsafe, outputs.unsafe)] {
        XCTAssertEqual(outcome.problems, [], "\(goldenCase.input): fix problems")
        if outcome.bytes != input { try assertSound(outcome.bytes, mode: mode, of: goldenCase) }
      }
    }
  }

  func testGoldenProjects() throws {
    let projects = try Self.projectCases()
    for project in projects {
      let findings = Self.runProject(project, mode: .check, unsafe: false)
      XCTAssertEqual(findings.failures, [], "\(project.directory): errors")
      let report =
        findings.findings.isEmpty ? "" : TextReporter(style: .plain).report(findings.findings, hadErrors: false)
      try compare(Array(report.utf8), with: project.findings, present: true)
      let safe = Self.runProject(project, mode: .diff, unsafe: false)
      let unsafe = Self.runProject(project, mode: .diff, unsafe: true)
      for file in try Self.files(in: project.directory) {
        let input = try read(project.directory + "/" + file)
        let fixed = safe.reports.first { $0.path == project.directory + "/" + file }?.fixed ?? input
        let unsafeFixed = unsafe.reports.first { $0.path == project.directory + "/" + file }?.fixed ?? input
        try compare(fixed, with: project.fixed + "/" + file, present: fixed != input)
        try compare(unsafeFixed, with: project.unsafe + "/" + file, present: unsafeFixed != fixed)
      }
      XCTAssertEqual(safe.failures + unsafe.failures, [], "\(project.directory): fix problems")
      for (run, unsafeFixes) in [(safe, false), (unsafe, true)] where run.fixedCount > 0 {
        try assertProjectSound(run, of: project, unsafe: unsafeFixes)
      }
    }
  }

  /// Every input and expected output is accepted by CPython's parser: one interpreter run over
  /// all of them.
  func testCPythonParsesEveryCaseAndOutput() throws {
    guard FileManager.default.isExecutableFile(atPath: Self.python) else {
      throw XCTSkip("CPython 3.13 not found at \(Self.python)")
    }
    let cases = try Self.cases()
    let manager = FileManager.default
    var paths: [String] = []
    for goldenCase in cases {
      for path in [goldenCase.input, goldenCase.fixed, goldenCase.unsafe]
      where manager.fileExists(atPath: Self.absolute(path)) {
        paths.append(Self.absolute(path))
      }
    }
    for project in try Self.projectCases() {
      for directory in [project.directory, project.fixed, project.unsafe] {
        paths += try Self.files(in: directory).map { Self.absolute(directory + "/" + $0) }
      }
    }
    let script = """
      import ast, sys
      bad = 0
      for path in sys.argv[1:]:
          try:
              ast.parse(open(path, "rb").read(), path)
          except SyntaxError as error:
              bad += 1
              print(f"{path}: {error}")
      sys.exit(1 if bad else 0)
      """
    let result = try ProcessRunner.run(Self.python, ["-c", script] + paths, timeout: 60)
    XCTAssertEqual(result.status, 0, "CPython rejects:\n\(result.output)")
  }

  // MARK: Running a case

  static func run(_ goldenCase: Case, _ input: [UInt8]) throws -> Outputs {
    let settings = try settings(for: goldenCase)
    let rules = RuleRunner.rules(path: goldenCase.input, settings: settings)
    let tree = SyntaxTree.parse(SourceBuffer(input))
    let findings = FixLoop.unsuppressedFindings(in: tree, rules: rules)
    let report = findings.isEmpty ? "" : TextReporter(style: .plain).report(findings, hadErrors: false)
    var unsafeSettings = settings
    unsafeSettings.unsafeFixes = true
    return Outputs(
      findings: report,
      fixed: FixLoop.run(input, mode: .safe, rules: rules),
      unsafe: FixLoop.run(
        input, mode: .safeAndUnsafe, rules: RuleRunner.rules(path: goldenCase.input, settings: unsafeSettings)))
  }

  // MARK: Project cases

  /// A directory case: `directory` relative to the repository root.
  struct ProjectCase {
    let directory: String
    var findings: String { directory + ".findings" }
    var fixed: String { directory + ".fixed" }
    var unsafe: String { directory + ".unsafe" }
  }

  /// One engine run over a project case from the repository root, so paths read
  /// `Golden/<folder>/<case>/…` as for `check` run there. `diff` mode computes what `fix`
  /// writes, without writing.
  static func runProject(_ project: ProjectCase, mode: RunMode, unsafe: Bool) -> CheckRun {
    runFromRoot(paths: [project.directory], mode: mode, unsafe: unsafe)
  }

  static func runFromRoot(paths: [String], mode: RunMode, unsafe: Bool) -> CheckRun {
    let manager = FileManager.default
    let previous = manager.currentDirectoryPath
    _ = manager.changeCurrentDirectoryPath(repositoryRoot.path)
    defer { _ = manager.changeCurrentDirectoryPath(previous) }
    return Checker.check(
      paths: paths,
      options: CheckOptions(
        overrides: ConfigurationOverrides(unsafeFixes: unsafe), mode: mode, rules: RuleRunner.factory))
  }

  /// The fixed project parses cleanly file by file and is a fixed point: a copy with the fixed
  /// files, fixed again as one project, changes nothing.
  private func assertProjectSound(_ run: CheckRun, of project: ProjectCase, unsafe: Bool) throws {
    let manager = FileManager.default
    let copy = manager.temporaryDirectory.appendingPathComponent("asyncfix-golden-\(UUID().uuidString)")
    defer { try? manager.removeItem(at: copy) }
    try manager.copyItem(at: URL(fileURLWithPath: Self.absolute(project.directory)), to: copy)
    for report in run.reports {
      guard let fixed = report.fixed else { continue }
      let tree = SyntaxTree.parse(SourceBuffer(fixed))
      XCTAssertEqual(tree.diagnostics.map(\.message), [], "\(report.path): fixed output must parse")
      XCTAssertEqual(tree.printed(), fixed, "\(report.path): fixed output must round-trip")
      let relative = String(report.path.dropFirst(project.directory.count + 1))
      try Data(fixed).write(to: copy.appendingPathComponent(relative))
    }
    let again = Checker.check(
      paths: [copy.path],
      options: CheckOptions(
        overrides: ConfigurationOverrides(unsafeFixes: unsafe), mode: .diff, rules: RuleRunner.factory))
    XCTAssertEqual(again.fixedCount, 0, "\(project.directory): fixing the fixed project (unsafe: \(unsafe)) changes it")
  }

  /// The `.py` files under `directory` (relative to the repository root), as paths relative to
  /// it, sorted; none when it does not exist.
  static func files(in directory: String) throws -> [String] {
    let root = URL(fileURLWithPath: absolute(directory))
    guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
    return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".py") }.sorted()
  }

  /// Every project case: the directories directly inside the rule folders, without the
  /// `.fixed`/`.unsafe` output directories.
  static func projectCases() throws -> [ProjectCase] {
    let manager = FileManager.default
    let golden = repositoryRoot.appendingPathComponent("Golden")
    var projects: [ProjectCase] = []
    for folder in try manager.contentsOfDirectory(atPath: golden.path).sorted()
    where !ownedElsewhere.contains(folder) && folder != "programs" {
      let folderPath = golden.appendingPathComponent(folder).path
      guard let entries = try? manager.contentsOfDirectory(atPath: folderPath) else { continue }
      for entry in entries.sorted() where !entry.hasSuffix(".fixed") && !entry.hasSuffix(".unsafe") {
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: folderPath + "/" + entry, isDirectory: &isDirectory), isDirectory.boolValue {
          projects.append(ProjectCase(directory: "Golden/\(folder)/\(entry)"))
        }
      }
    }
    return projects
  }

  /// A fixed output parses cleanly, round-trips, and is a fixed point of the same fix.
  private func assertSound(_ output: [UInt8], mode: FixMode, of goldenCase: Case) throws {
    let tree = SyntaxTree.parse(SourceBuffer(output))
    XCTAssertEqual(tree.diagnostics.map(\.message), [], "\(goldenCase.input): fixed output must parse")
    XCTAssertEqual(tree.printed(), output, "\(goldenCase.input): fixed output must round-trip")
    var settings = try Self.settings(for: goldenCase)
    settings.unsafeFixes = mode == .safeAndUnsafe
    let again = FixLoop.run(output, mode: mode, rules: RuleRunner.rules(path: goldenCase.input, settings: settings))
    XCTAssertFalse(again.changed, "\(goldenCase.input): fixing the fixed output (\(mode)) changes it again")
  }

  /// The settings `check` uses for the case, run from the repository root: the defaults, or
  /// those of a configuration file in its folder.
  static func settings(for goldenCase: Case) throws -> Settings {
    try ConfigurationLoader(workingDirectory: repositoryRoot.path).settings(forFile: goldenCase.input).get()
  }

  // MARK: Files

  /// Compares `actual` with the expected file at `path`, which should exist iff `present`; in
  /// update mode writes or deletes it instead.
  private func compare(_ actual: [UInt8], with path: String, present: Bool) throws {
    let url = URL(fileURLWithPath: Self.absolute(path))
    let exists = FileManager.default.fileExists(atPath: url.path)
    if updating {
      if present {
        try FileManager.default.createDirectory(
          at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let current = exists ? try Data(contentsOf: url) : nil
        if current != Data(actual) { try Data(actual).write(to: url) }
      } else if exists {
        try FileManager.default.removeItem(at: url)
      }
      return
    }
    guard present else {
      XCTAssertFalse(exists, "\(path) should not exist (the fix changes nothing here)")
      return
    }
    guard exists else {
      XCTFail("\(path) is missing; run with ASYNCFIX_UPDATE_GOLDEN=1 to create it")
      return
    }
    let expected = try read(path)
    if expected != actual {
      XCTFail(
        """
        \(path) differs (ASYNCFIX_UPDATE_GOLDEN=1 rewrites it)
        --- expected
        \(String(decoding: expected, as: UTF8.self))
        --- actual
        \(String(decoding: actual, as: UTF8.self))
        """)
    }
  }

  private func read(_ path: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: Self.absolute(path))))
  }

  static func absolute(_ path: String) -> String { repositoryRoot.appendingPathComponent(path).path }

  /// Every case, sorted; fails on expected files whose input is missing.
  static func cases() throws -> [Case] {
    let manager = FileManager.default
    let golden = repositoryRoot.appendingPathComponent("Golden")
    var cases: [Case] = []
    for folder in try manager.contentsOfDirectory(atPath: golden.path).sorted() where !ownedElsewhere.contains(folder) {
      var isDirectory: ObjCBool = false
      let folderPath = golden.appendingPathComponent(folder).path
      guard manager.fileExists(atPath: folderPath, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
      let files = Set(try manager.contentsOfDirectory(atPath: folderPath))
      for file in files.sorted()
      where file.hasSuffix(".py") && !file.hasSuffix(".fixed.py") && !file.hasSuffix(".unsafe.py") {
        cases.append(Case(stem: "Golden/\(folder)/\(file.dropLast(3))"))
      }
      for file in files where file.hasSuffix(".findings") || file.hasSuffix(".fixed.py") || file.hasSuffix(".unsafe.py")
      {
        let stem = file.hasSuffix(".findings") ? file.dropLast(9) : file.dropLast(file.hasSuffix(".fixed.py") ? 9 : 10)
        // A project case's `.findings` sits beside its directory.
        XCTAssertTrue(
          files.contains(stem + ".py") || (file.hasSuffix(".findings") && files.contains(String(stem))),
          "Golden/\(folder)/\(file) has no input \(stem).py")
      }
    }
    return cases
  }
}
