import XCTest

@testable import Engine

/// Finding the configuration of each file in real directories, and resolving settings from it
/// and the command line.
final class ConfigurationLoaderTests: XCTestCase {
  /// The file that governs `path` (relative to `directory`), as the loader shows it; `nil` for
  /// the defaults; `error: …` for a broken configuration.
  private func governing(
    _ path: String, in directory: TemporaryDirectory, configurationFile: String? = nil
  ) -> String? {
    let loader = ConfigurationLoader(configurationFile: configurationFile, workingDirectory: directory.path)
    switch loader.lookup(forPath: path, isDirectory: false) {
    case .success(let configuration): return configuration?.file
    case .failure(let error): return "error: \(error)"
    }
  }

  private func settings(
    _ path: String, in directory: TemporaryDirectory, overrides: ConfigurationOverrides = ConfigurationOverrides(),
    configurationFile: String? = nil, file: StaticString = #filePath, line: UInt = #line
  ) throws -> Settings {
    let loader = ConfigurationLoader(
      configurationFile: configurationFile, overrides: overrides, workingDirectory: directory.path)
    switch loader.settings(forFile: path) {
    case .success(let settings): return settings
    case .failure(let error):
      XCTFail("unexpected error: \(error)", file: file, line: line)
      throw error
    }
  }

  // MARK: - Lookup

  func testNearestConfigurationWalkingUp() throws {
    let directory = try TemporaryDirectory()
    try directory.write("pyproject.toml", "[tool.asyncfix]\ntarget = \"cpython\"\n")
    try directory.write("firmware/pyproject.toml", "[tool.asyncfix]\ntarget = \"micropython\"\n")
    XCTAssertEqual(governing("app.py", in: directory), "pyproject.toml")
    XCTAssertEqual(governing("lib/deep/er/app.py", in: directory), "pyproject.toml")
    XCTAssertEqual(governing("firmware/main.py", in: directory), "firmware/pyproject.toml")
    XCTAssertEqual(governing("firmware/lib/drivers/bme280.py", in: directory), "firmware/pyproject.toml")
    XCTAssertEqual(governing("firmware/../app.py", in: directory), "pyproject.toml", "paths are normalised")
    XCTAssertEqual(governing(directory.path + "/firmware/x.py", in: directory), "firmware/pyproject.toml")
    XCTAssertEqual(try settings("firmware/main.py", in: directory).target, .micropython)
    XCTAssertEqual(try settings("tools/x.py", in: directory).target, .cpython)
  }

  func testPyprojectWithoutTheTableIsSkipped() throws {
    let directory = try TemporaryDirectory()
    try directory.write("pyproject.toml", "[tool.asyncfix]\ntarget = \"cpython\"\n")
    try directory.write("pkg/pyproject.toml", "[project]\nname = \"pkg\"\n\n[tool.ruff]\nline-length = 100\n")
    XCTAssertEqual(governing("pkg/mod.py", in: directory), "pyproject.toml")
    XCTAssertEqual(try settings("pkg/mod.py", in: directory).configurationFile, "pyproject.toml")
  }

  func testAsyncfixTOMLWinsInTheSameDirectory() throws {
    let directory = try TemporaryDirectory()
    try directory.write("pyproject.toml", "[tool.asyncfix]\ntarget = \"cpython\"\n")
    try directory.write("asyncfix.toml", "target = \"micropython\"\n")
    XCTAssertEqual(governing("main.py", in: directory), "asyncfix.toml")
    XCTAssertEqual(try settings("main.py", in: directory).target, .micropython)
  }

  func testNearerDirectoryWinsWhateverTheFileName() throws {
    let directory = try TemporaryDirectory()
    try directory.write("asyncfix.toml", "target = \"micropython\"\n")
    try directory.write("svc/pyproject.toml", "[tool.asyncfix]\ntarget = \"cpython\"\n")
    XCTAssertEqual(governing("svc/api.py", in: directory), "svc/pyproject.toml")
    XCTAssertEqual(governing("board.py", in: directory), "asyncfix.toml")
  }

  func testAnEmptyAsyncfixTOMLCountsAndStopsTheWalk() throws {
    let directory = try TemporaryDirectory()
    try directory.write("pyproject.toml", "[tool.asyncfix]\ntarget = \"cpython\"\n")
    try directory.write("sub/asyncfix.toml", "")
    XCTAssertEqual(governing("sub/a.py", in: directory), "sub/asyncfix.toml")
    XCTAssertEqual(try settings("sub/a.py", in: directory).target, .auto, "configurations do not merge")
  }

  func testExplicitConfigurationOverridesLookupForEveryPath() throws {
    let directory = try TemporaryDirectory()
    try directory.write("pyproject.toml", "[tool.asyncfix]\ntarget = \"micropython\"\n")
    try directory.write("sub/asyncfix.toml", "target = \"micropython\"\n")
    try directory.write("ci/strict.toml", "target = \"cpython\"\n")
    for path in ["a.py", "sub/b.py", "/elsewhere/c.py"] {
      XCTAssertEqual(governing(path, in: directory, configurationFile: "ci/strict.toml"), "ci/strict.toml", path)
      XCTAssertEqual(try settings(path, in: directory, configurationFile: "ci/strict.toml").target, .cpython)
    }
  }

  func testExplicitPyprojectReadsItsTable() throws {
    let directory = try TemporaryDirectory()
    try directory.write("other/pyproject.toml", "[tool.asyncfix]\ntarget = \"cpython\"\n")
    XCTAssertEqual(
      try settings("a.py", in: directory, configurationFile: "other/pyproject.toml").target, .cpython)
    try directory.write("bare/pyproject.toml", "[project]\nname = \"x\"\n")
    XCTAssertEqual(
      try settings("a.py", in: directory, configurationFile: "bare/pyproject.toml"), Settings.defaults,
      "a pyproject.toml without [tool.asyncfix] configures nothing")
  }

  func testMissingExplicitConfigurationIsAnError() throws {
    let directory = try TemporaryDirectory()
    XCTAssertEqual(
      governing("a.py", in: directory, configurationFile: "nope.toml"), "error: nope.toml: No such file or directory")
  }

  func testBrokenConfigurationGovernsItsFilesOnly() throws {
    let directory = try TemporaryDirectory()
    try directory.write("bad/pyproject.toml", "[tool.asyncfix]\nselct = []\n")
    try directory.write("good/asyncfix.toml", "ignore = [\"AF001\"]\n")
    XCTAssertEqual(
      governing("bad/x/y.py", in: directory),
      "error: bad/pyproject.toml:2: [tool.asyncfix] unknown key 'selct' (did you mean 'select'?)")
    XCTAssertEqual(governing("good/y.py", in: directory), "good/asyncfix.toml")
  }

  func testConfigurationOutsideTheWorkingDirectoryIsShownAbsolute() throws {
    let directory = try TemporaryDirectory()
    try directory.write("pyproject.toml", "[tool.asyncfix]\ntarget = \"cpython\"\n")
    let loader = ConfigurationLoader(workingDirectory: directory.path + "/src")
    guard case .success(let configuration?) = loader.lookup(forPath: "a.py", isDirectory: false) else {
      return XCTFail("the parent's pyproject.toml governs")
    }
    XCTAssertEqual(configuration.file, directory.path + "/pyproject.toml")
    XCTAssertEqual(configuration.directory, directory.path)
  }

  // MARK: - Settings

  func testDefaults() throws {
    let directory = try TemporaryDirectory()
    try directory.write("asyncfix.toml", "")
    let settings = try settings("a.py", in: directory)
    XCTAssertEqual(settings.selection, .all)
    XCTAssertEqual(settings.target, .auto)
    XCTAssertFalse(settings.unsafeFixes)
    XCTAssertEqual(settings.preciseDelayMilliseconds, 5)
    XCTAssertEqual(settings.blockingCalls, .none)
    XCTAssertEqual(settings.interruptRegistrars, [])
    XCTAssertEqual(settings.configurationFile, "asyncfix.toml")
  }

  func testEveryValueReachesTheSettings() throws {
    let directory = try TemporaryDirectory()
    try directory.write(
      "asyncfix.toml",
      """
      unsafe-fixes = true
      precise-delay-ms = 12
      blocking-calls = { add = ["mylib.read_all"], remove = ["os.sync"] }
      interrupt-registrars = [{ call = "mylib.on", handler-arg = 3 }]
      """)
    let settings = try settings("a.py", in: directory)
    XCTAssertTrue(settings.unsafeFixes)
    XCTAssertEqual(settings.preciseDelayMilliseconds, 12)
    XCTAssertEqual(settings.blockingCalls.added, [BlockingCall(name: "mylib.read_all")])
    XCTAssertEqual(settings.blockingCalls.removed, ["os.sync"])
    XCTAssertEqual(settings.interruptRegistrars, [InterruptRegistrar(call: "mylib.on", handlerPosition: 3)])
  }

  func testSelectionLayering() throws {
    let directory = try TemporaryDirectory()
    func enabled(_ configuration: String, _ overrides: ConfigurationOverrides = ConfigurationOverrides()) throws
      -> [String]
    {
      try directory.write("asyncfix.toml", configuration)
      return try settings("a.py", in: directory, overrides: overrides).selection.enabled.sorted()
    }
    XCTAssertEqual(try enabled("select = [\"AF10\"]\nignore = [\"AF103\"]\n").count, 8)
    XCTAssertEqual(try enabled("select = [\"AF0\"]\nextend-select = [\"AF109\"]\n"), ["AF001", "AF109"])
    XCTAssertEqual(try enabled("ignore = [\"AF1\"]\nextend-select = [\"AF102\"]\n"), ["AF001", "AF102"])
    XCTAssertEqual(try enabled("select = []\n"), [])
    // --select replaces the configuration's select, extend-select and ignore.
    XCTAssertEqual(
      try enabled("select = [\"AF0\"]\nignore = [\"AF101\"]\n", ConfigurationOverrides(select: ["AF101"])), ["AF101"])
    // --ignore removes from what the configuration enables.
    XCTAssertEqual(
      try enabled("select = [\"AF0\", \"AF101\", \"AF102\"]\n", ConfigurationOverrides(ignore: ["AF10"])), ["AF001"])
    XCTAssertEqual(
      try enabled("", ConfigurationOverrides(select: ["AF1"], ignore: ["AF109"])),
      ["AF101", "AF102", "AF103", "AF104", "AF105", "AF106", "AF107", "AF108"])
  }

  func testCommandLineTargetAndUnsafeFixesWin() throws {
    let directory = try TemporaryDirectory()
    try directory.write("asyncfix.toml", "target = \"micropython\"\nunsafe-fixes = true\n")
    let settings = try settings(
      "a.py", in: directory, overrides: ConfigurationOverrides(target: .cpython, unsafeFixes: false))
    XCTAssertEqual(settings.target, .cpython)
    XCTAssertFalse(settings.unsafeFixes)
    XCTAssertEqual(try self.settings("a.py", in: directory).target, .micropython)
    XCTAssertEqual(
      try self.settings(
        "nowhere/a.py", in: try TemporaryDirectory(), overrides: ConfigurationOverrides(target: .cpython)
      )
      .target, .cpython, "the command line applies without a configuration too")
  }

  func testPerFileIgnoresByGlob() throws {
    let directory = try TemporaryDirectory()
    try directory.write(
      "pyproject.toml",
      """
      [tool.asyncfix.per-file-ignores]
      "tests/*.py" = ["AF101"]
      "__init__.py" = ["AF1"]
      "legacy" = ["AF102"]
      "src/**/gen_*.py" = ["AF103"]
      "!src/**" = ["AF109"]
      """)
    func disabled(_ path: String) throws -> [String] {
      let enabled = try settings(path, in: directory).selection.enabled
      return RuleCatalog.all.map(\.code).filter { !enabled.contains($0) }
    }
    XCTAssertEqual(try disabled("tests/test_a.py"), ["AF101", "AF109"])
    XCTAssertEqual(try disabled("tests/deep/test_a.py"), ["AF109"], "* does not cross a /")
    XCTAssertEqual(try disabled("src/pkg/__init__.py"), RuleCatalog.all.map(\.code).filter { $0.hasPrefix("AF1") })
    XCTAssertEqual(try disabled("src/legacy/old.py"), ["AF102"], "a glob naming a directory covers its files")
    XCTAssertEqual(try disabled("src/a/b/gen_x.py"), ["AF103"])
    XCTAssertEqual(try disabled("src/main.py"), [])
    XCTAssertEqual(try disabled("tools/x.py"), ["AF109"], "a ! glob applies where the glob does not match")
  }

  func testPerFileIgnoresAreRelativeToTheConfigurationFile() throws {
    let directory = try TemporaryDirectory()
    try directory.write(
      "conf/asyncfix.toml", "[per-file-ignores]\n\"app/*.py\" = [\"AF001\"]\n\"x.py\" = [\"AF101\"]\n")
    let configuration = "conf/asyncfix.toml"
    func isEnabled(_ code: String, _ path: String) throws -> Bool {
      try settings(path, in: directory, configurationFile: configuration).selection.isEnabled(code)
    }
    XCTAssertFalse(try isEnabled("AF001", "conf/app/main.py"))
    XCTAssertTrue(try isEnabled("AF001", "app/main.py"), "app/ is below the configuration's directory, not the cwd")
    XCTAssertFalse(try isEnabled("AF101", "elsewhere/x.py"), "a glob without / matches by name anywhere")
  }

  // MARK: - Exclusion

  func testExcludeGlobsRelativeToTheConfigurationFile() throws {
    let directory = try TemporaryDirectory()
    try directory.write(
      "proj/pyproject.toml",
      "[tool.asyncfix]\nexclude = [\"vendor/\", \"/migrations\", \"*_pb2.py\", \"!keep_pb2.py\"]\n")
    let loader = ConfigurationLoader(workingDirectory: directory.path)
    XCTAssertTrue(loader.isExcluded("proj/vendor", isDirectory: true))
    XCTAssertFalse(loader.isExcluded("proj/vendor", isDirectory: false), "vendor/ matches directories only")
    XCTAssertTrue(loader.isExcluded("proj/lib/vendor", isDirectory: true))
    XCTAssertTrue(loader.isExcluded("proj/migrations", isDirectory: true))
    XCTAssertFalse(loader.isExcluded("proj/app/migrations", isDirectory: true), "a leading / anchors")
    XCTAssertTrue(loader.isExcluded("proj/api/a_pb2.py", isDirectory: false))
    XCTAssertFalse(loader.isExcluded("proj/api/keep_pb2.py", isDirectory: false))
    XCTAssertFalse(loader.isExcluded("other/x_pb2.py", isDirectory: false), "another directory's files")
  }

  func testDiscoveryAndCheckApplyExcludeAndConfigurationErrors() throws {
    let directory = try TemporaryDirectory()
    try directory.write("good/asyncfix.toml", "exclude = [\"generated\"]\nignore = [\"AF001\"]\n")
    try directory.write("good/app.py", "def f(:\n")
    try directory.write("good/generated/out.py", "x = 1\n")
    try directory.write("good/deeper/generated.py", "x = 1\n")
    try directory.write("bad/pyproject.toml", "[tool.asyncfix]\nprecise-delay-ms = \"5\"\n")
    try directory.write("bad/app.py", "def f(:\n")
    try directory.write("bad/inner/asyncfix.toml", "")
    try directory.write("bad/inner/ok.py", "def f(:\n")
    try directory.write("plain.py", "def f(:\n")
    let run = Checker.check(paths: [directory.path], options: CheckOptions(jobs: 2))
    let relative = run.reports.map { String($0.path.dropFirst(directory.path.count + 1)) }
    // `generated` matches whole names: the directory, not `generated.py`.
    XCTAssertEqual(relative, ["bad/inner/ok.py", "good/app.py", "good/deeper/generated.py", "plain.py"])
    XCTAssertEqual(run.reports.map(\.findings.isEmpty), [false, true, true, false], "good/ ignores AF001")
    XCTAssertEqual(run.configurationErrors.count, 1)
    XCTAssertEqual(run.configurationErrors.first?.line, 2)
    XCTAssertEqual(
      run.configurationErrors.first?.message,
      "[tool.asyncfix] 'precise-delay-ms' must be a non-negative integer, got \"5\"")
    XCTAssertTrue(run.configurationErrors.first?.file.hasSuffix("/bad/pyproject.toml") ?? false)
  }

  func testFilesNamedOnTheCommandLineAreCheckedEvenWhenExcluded() throws {
    let directory = try TemporaryDirectory()
    try directory.write("asyncfix.toml", "exclude = [\"skip.py\"]\n")
    let skipped = try directory.write("skip.py", "x = 1\n")
    XCTAssertEqual(Checker.check(paths: [directory.path], options: CheckOptions()).reports.count, 0)
    XCTAssertEqual(Checker.check(paths: [skipped], options: CheckOptions()).reports.map(\.path), [skipped])
  }

  func testGitignoreFilesAboveTheWalkedDirectoryApplyUpToTheRepositoryRoot() throws {
    let directory = try TemporaryDirectory()
    try directory.write("outside/.gitignore", "*.py\n")
    try directory.makeDirectory("outside/repo/.git")
    try directory.write("outside/repo/.gitignore", "generated/\nsecret.py\n")
    try directory.write("outside/repo/src/.gitignore", "/local.py\n")
    for file in ["main.py", "generated/out.py", "secret.py", "local.py", "pkg/local.py", "pkg/secret.py"] {
      try directory.write("outside/repo/src/\(file)")
    }
    let found = FileDiscovery.discover([directory.path + "/outside/repo/src/"]).map {
      String($0.path.dropFirst(directory.path.count + "/outside/repo/src/".count))
    }
    XCTAssertEqual(
      found, ["main.py", "pkg/local.py"],
      "the repository's .gitignore applies from above; the one above the repository does not")

    // Outside a repository, no .gitignore above the walked directory applies.
    try directory.write("norepo/.gitignore", "*.py\n")
    try directory.write("norepo/sub/a.py")
    XCTAssertEqual(FileDiscovery.discover([directory.path + "/norepo/sub"]).count, 1)
  }

  /// The fast path for paths already normalised agrees with the component walk.
  func testNormalizedPaths() {
    let cases: [(String, String)] = [
      ("/", "/"), ("/a/b.py", "/a/b.py"), ("/a//b.py", "/a/b.py"), ("/a/./b.py", "/a/b.py"),
      ("/a/../b.py", "/b.py"), ("/..", "/"), ("/a/b/", "/a/b"), ("/a/.", "/a"), ("/a/..", "/"),
      ("/.hidden/..x/...", "/.hidden/..x/..."), ("/a/.b", "/a/.b"),
    ]
    for (path, expected) in cases { XCTAssertEqual(ConfigurationPaths.normalized(path), expected, path) }
  }
}
