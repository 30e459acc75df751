import Semantics
import XCTest

@testable import Engine

/// Every key of `[tool.asyncfix]` / `asyncfix.toml` with good and bad values; errors are compared
/// as printed (`FILE:LINE: message`).
final class ConfigurationParsingTests: XCTestCase {
  private func parse(_ text: String, kind: ConfigurationLoader.Kind = .pyproject) -> ConfigurationLoader.Lookup {
    let name = kind == .pyproject ? "pyproject.toml" : "asyncfix.toml"
    return ConfigurationLoader.parse(bytes: Array(text.utf8), display: name, directory: "/project", kind: kind)
  }

  /// The configuration of `text`, failing the test on an error or a missing table.
  private func configuration(
    _ text: String, kind: ConfigurationLoader.Kind = .pyproject, file: StaticString = #filePath, line: UInt = #line
  ) throws -> Configuration {
    switch parse(text, kind: kind) {
    case .success(let configuration?): return configuration
    case .success(nil):
      XCTFail("no settings table", file: file, line: line)
      throw ConfigurationError(file: "", message: "no table")
    case .failure(let error):
      XCTFail("unexpected error: \(error)", file: file, line: line)
      throw error
    }
  }

  /// The printed error for `text`, or a failure when it parses.
  private func error(_ text: String, kind: ConfigurationLoader.Kind = .pyproject) -> String? {
    if case .failure(let error) = parse(text, kind: kind) { return error.description }
    return nil
  }

  // MARK: - Everything at once

  func testEveryKeyWithGoodValues() throws {
    let configuration = try configuration(
      """
      [project]
      name = "station"

      [tool.asyncfix]
      select = ["AF1", "AF001"]
      ignore = ["AF106"]
      extend-select = ["AF109"]
      exclude = ["vendor/", "gen_*.py"]
      target = "micropython"
      unsafe-fixes = true
      precise-delay-ms = 0
      blocking-calls.add = ["mylib.read_all", { call = "mylib.flash", advice = "Use flash_async" }]
      blocking-calls.remove = ["os.sync"]
      interrupt-registrars = ["mylib.on_edge", { call = "mylib.Timer.every", handler-arg = 2, handler-keyword = "cb" }]

      [tool.asyncfix.per-file-ignores]
      "tests/*.py" = ["AF101", "AF10"]
      "__init__.py" = []

      [tool.other]
      select = 5
      """)
    XCTAssertEqual(configuration.file, "pyproject.toml")
    XCTAssertEqual(configuration.directory, "/project")
    XCTAssertEqual(configuration.select, ["AF1", "AF001"])
    XCTAssertEqual(configuration.ignore, ["AF106"])
    XCTAssertEqual(configuration.extendSelect, ["AF109"])
    XCTAssertEqual(configuration.exclude.patterns.count, 2)
    XCTAssertEqual(configuration.target, .micropython)
    XCTAssertEqual(configuration.unsafeFixes, true)
    XCTAssertEqual(configuration.preciseDelayMilliseconds, 0)
    XCTAssertEqual(
      configuration.blockingCalls,
      BlockingCallChanges(
        added: [BlockingCall(name: "mylib.read_all"), BlockingCall(name: "mylib.flash", advice: "Use flash_async")],
        removed: ["os.sync"]))
    XCTAssertEqual(
      configuration.interruptRegistrars,
      [
        InterruptRegistrar(call: "mylib.on_edge", handlerPosition: 1),
        InterruptRegistrar(call: "mylib.Timer.every", handlerPosition: 2, handlerKeyword: "cb"),
      ])
    XCTAssertEqual(configuration.perFileIgnores.map(\.glob), ["tests/*.py", "__init__.py"], "in file order")
    XCTAssertEqual(configuration.perFileIgnores.map(\.selectors), [["AF101", "AF10"], []])
  }

  func testEmptyTableMeansDefaults() throws {
    let configuration = try configuration("[tool.asyncfix]\n")
    XCTAssertNil(configuration.select)
    XCTAssertNil(configuration.target)
    XCTAssertNil(configuration.unsafeFixes)
    XCTAssertNil(configuration.preciseDelayMilliseconds)
    XCTAssertEqual(configuration.blockingCalls, .none)
    XCTAssertEqual(configuration.interruptRegistrars, [])
  }

  func testAsyncfixTOMLUsesTopLevelKeysAndNoTablePrefix() throws {
    let configuration = try configuration("target = \"cpython\"\n", kind: .asyncfixTOML)
    XCTAssertEqual(configuration.target, .cpython)
    XCTAssertEqual(
      error("target = \"cpython\"\nselct = []\n", kind: .asyncfixTOML),
      "asyncfix.toml:2: unknown key 'selct' (did you mean 'select'?)")
    XCTAssertEqual(
      error("[tool.asyncfix]\nselect = []\n", kind: .asyncfixTOML),
      "asyncfix.toml:1: unknown key 'tool'", "asyncfix.toml holds the settings at the top level")
  }

  func testPyprojectWithoutTheTableHasNoConfiguration() {
    guard case .success(nil) = parse("[project]\nname = \"x\"\n[tool.black]\nline-length = 100\n") else {
      return XCTFail("a pyproject.toml without [tool.asyncfix] must not count")
    }
    guard case .success(nil) = parse("tool = 5\n") else { return XCTFail("a non-table tool is not ours") }
    XCTAssertEqual(
      error("[tool]\nasyncfix = 5\n"), "pyproject.toml:2: [tool.asyncfix] must be a table, got 5")
  }

  // MARK: - Unknown keys

  func testUnknownKeyNamesFileLineAndSuggestion() {
    let text = """
      [project]
      name = "station"
      version = "1.0"
      dependencies = []

      [tool.black]
      line-length = 100

      [tool.asyncfix]
      target = "auto"
      # the rules we want
      selct = ["AF1"]
      """
    XCTAssertEqual(error(text), "pyproject.toml:12: [tool.asyncfix] unknown key 'selct' (did you mean 'select'?)")
  }

  func testSuggestionsForCaseUnderscoresAndTypos() {
    XCTAssertEqual(
      error("[tool.asyncfix]\nprecise_delay_ms = 5\n"),
      "pyproject.toml:2: [tool.asyncfix] unknown key 'precise_delay_ms' (did you mean 'precise-delay-ms'?)")
    XCTAssertEqual(
      error("[tool.asyncfix]\ninterupt-registrars = []\n"),
      "pyproject.toml:2: [tool.asyncfix] unknown key 'interupt-registrars' (did you mean 'interrupt-registrars'?)")
    XCTAssertEqual(
      error("[tool.asyncfix]\nextend-ignore = []\n"), "pyproject.toml:2: [tool.asyncfix] unknown key 'extend-ignore'")
    XCTAssertEqual(
      error("[tool.asyncfix]\nline-length = 88\n"), "pyproject.toml:2: [tool.asyncfix] unknown key 'line-length'")
    XCTAssertEqual(ConfigurationParser.suggestion(for: "Target", among: ConfigurationParser.keys), "target")
    XCTAssertEqual(ConfigurationParser.suggestion(for: "exlude", among: ConfigurationParser.keys), "exclude")
    XCTAssertEqual(ConfigurationParser.suggestion(for: "precise", among: ConfigurationParser.keys), "precise-delay-ms")
    XCTAssertNil(ConfigurationParser.suggestion(for: "x", among: ConfigurationParser.keys))
    XCTAssertNil(ConfigurationParser.suggestion(for: "pre", among: ConfigurationParser.keys), "too short a prefix")
  }

  func testLinesAreCountedWithCRLFAndAByteOrderMark() {
    XCTAssertEqual(
      error("\u{FEFF}select = [\"AF1\"]\r\n\r\nselct = 1\r\n", kind: .asyncfixTOML),
      "asyncfix.toml:3: unknown key 'selct' (did you mean 'select'?)")
    XCTAssertEqual(
      error("\u{FEFF}selct = 1\r\n", kind: .asyncfixTOML), "asyncfix.toml:1: unknown key 'selct' (did you mean 'select'?)")
  }

  func testFirstErrorInFileOrderIsReported() {
    // Both keys are wrong; `zzz` comes first in the file, `aaa` first by name.
    XCTAssertEqual(
      error("[tool.asyncfix]\nzzz = 1\naaa = 2\n"), "pyproject.toml:2: [tool.asyncfix] unknown key 'zzz'")
  }

  func testKeysWrittenAsDottedKeysOrSubTables() {
    XCTAssertEqual(
      error("[tool]\nasyncfix.target = \"cpython\"\nasyncfix.selcet = []\n"),
      "pyproject.toml:3: [tool.asyncfix] unknown key 'selcet' (did you mean 'select'?)")
    XCTAssertEqual(
      error("[tool.asyncfix]\ntarget = \"auto\"\n\n[tool.asyncfix.blocking-calls]\nadd = []\nremve = []\n"),
      "pyproject.toml:6: [tool.asyncfix] 'blocking-calls' has unknown key 'remve' (did you mean 'remove'?)")
  }

  // MARK: - Rule selection

  func testSelectIgnoreExtendSelectValues() {
    XCTAssertEqual(
      error("[tool.asyncfix]\nselect = \"AF1\"\n"),
      "pyproject.toml:2: [tool.asyncfix] 'select' must be an array of rule codes or prefixes, got \"AF1\"")
    XCTAssertEqual(
      error("[tool.asyncfix]\nignore = [\"AF1\", 5]\n"),
      "pyproject.toml:2: [tool.asyncfix] 'ignore' must be an array of rule codes or prefixes, got 5 in it")
    XCTAssertEqual(
      error("[tool.asyncfix]\nextend-select = [\n  \"AF101\",\n  \"AF9\",\n]\n"),
      "pyproject.toml:4: [tool.asyncfix] 'extend-select': unknown rule code or prefix 'AF9' "
        + "(known codes: AF001, AF101-AF109)")
    XCTAssertEqual(
      error("[tool.asyncfix]\nselect = [\"\"]\n"),
      "pyproject.toml:2: [tool.asyncfix] 'select': unknown rule code or prefix '' (known codes: AF001, AF101-AF109)")
    XCTAssertEqual(
      error("[tool.asyncfix]\nselect = [\"af101\"]\n"),
      "pyproject.toml:2: [tool.asyncfix] 'select': unknown rule code or prefix 'af101' "
        + "(known codes: AF001, AF101-AF109)")
  }

  func testPerFileIgnoresValues() {
    XCTAssertEqual(
      error("[tool.asyncfix]\nper-file-ignores = [\"tests/*.py\"]\n"),
      "pyproject.toml:2: [tool.asyncfix] 'per-file-ignores' must be a table of globs to arrays of rule codes, "
        + "like { \"tests/*.py\" = [\"AF109\"] }, got an array")
    XCTAssertEqual(
      error("[tool.asyncfix.per-file-ignores]\n\"a.py\" = [\"AF101\"]\n\"tests/*.py\" = \"AF101\"\n"),
      "pyproject.toml:3: [tool.asyncfix] 'per-file-ignores' value for \"tests/*.py\" must be an array of rule codes "
        + "or prefixes, got \"AF101\"")
    XCTAssertEqual(
      error("[tool.asyncfix]\nselect = []\nper-file-ignores = { \"tests/*.py\" = [\"AF1O1\"] }\n"),
      "pyproject.toml:3: [tool.asyncfix] 'per-file-ignores' value for \"tests/*.py\": unknown rule code or prefix "
        + "'AF1O1' (known codes: AF001, AF101-AF109)")
    XCTAssertEqual(
      error("[tool.asyncfix.per-file-ignores]\n\"\" = [\"AF101\"]\n"),
      "pyproject.toml:2: [tool.asyncfix] 'per-file-ignores' glob \"\" can match no file")
  }

  // MARK: - Files

  func testExcludeValues() {
    XCTAssertEqual(
      error("[tool.asyncfix]\nexclude = \"vendor\"\n"),
      "pyproject.toml:2: [tool.asyncfix] 'exclude' must be an array of gitignore-style globs, got \"vendor\"")
    XCTAssertEqual(
      error("[tool.asyncfix]\nexclude = [\"vendor\", true]\n"),
      "pyproject.toml:2: [tool.asyncfix] 'exclude' must be an array of gitignore-style globs, got true in it")
    XCTAssertEqual(
      error("[tool.asyncfix]\nexclude = [\n  \"vendor\",\n  \"# comment\",\n]\n"),
      "pyproject.toml:4: [tool.asyncfix] 'exclude' glob \"# comment\" can match no file")
  }

  // MARK: - Rule behaviour

  func testTargetValues() throws {
    for target in TargetSetting.allCases {
      XCTAssertEqual(try configuration("[tool.asyncfix]\ntarget = \"\(target.rawValue)\"\n").target, target)
    }
    XCTAssertEqual(
      error("[tool.asyncfix]\ntarget = \"micro\"\n"),
      "pyproject.toml:2: [tool.asyncfix] 'target' must be one of \"auto\", \"micropython\", \"cpython\", "
        + "got \"micro\"")
    XCTAssertEqual(
      error("[tool.asyncfix]\ntarget = 3\n"),
      "pyproject.toml:2: [tool.asyncfix] 'target' must be one of \"auto\", \"micropython\", \"cpython\", got 3")
  }

  func testUnsafeFixesValues() throws {
    XCTAssertEqual(try configuration("[tool.asyncfix]\nunsafe-fixes = false\n").unsafeFixes, false)
    XCTAssertEqual(
      error("[tool.asyncfix]\nunsafe-fixes = \"yes\"\n"),
      "pyproject.toml:2: [tool.asyncfix] 'unsafe-fixes' must be true or false, got \"yes\"")
    XCTAssertEqual(
      error("[tool.asyncfix]\nunsafe-fixes = 1\n"),
      "pyproject.toml:2: [tool.asyncfix] 'unsafe-fixes' must be true or false, got 1")
  }

  func testPreciseDelayValues() throws {
    XCTAssertEqual(try configuration("[tool.asyncfix]\nprecise-delay-ms = 20\n").preciseDelayMilliseconds, 20)
    let prefix = "pyproject.toml:3: [tool.asyncfix] 'precise-delay-ms' must be a non-negative integer, got "
    XCTAssertEqual(error("[tool.asyncfix]\ntarget = \"auto\"\nprecise-delay-ms = \"5\"\n"), prefix + "\"5\"")
    XCTAssertEqual(error("[tool.asyncfix]\ntarget = \"auto\"\nprecise-delay-ms = -1\n"), prefix + "-1")
    XCTAssertEqual(error("[tool.asyncfix]\ntarget = \"auto\"\nprecise-delay-ms = 5.5\n"), prefix + "5.5")
    XCTAssertEqual(error("[tool.asyncfix]\ntarget = \"auto\"\nprecise-delay-ms = 1979-05-27\n"), prefix + "a date")
    XCTAssertEqual(error("[tool.asyncfix]\ntarget = \"auto\"\nprecise-delay-ms = [5]\n"), prefix + "an array")
  }

  func testBlockingCallsValues() throws {
    let changes = try configuration(
      "[tool.asyncfix.blocking-calls]\nadd = [\"a.b\"]\n\n[tool.asyncfix]\n", kind: .pyproject
    ).blockingCalls
    XCTAssertEqual(changes, BlockingCallChanges(added: [BlockingCall(name: "a.b")]))
    XCTAssertEqual(
      error("[tool.asyncfix]\nblocking-calls = [\"mylib.read_all\"]\n"),
      "pyproject.toml:2: [tool.asyncfix] 'blocking-calls' must be a table like { add = [\"mylib.read_all\"], "
        + "remove = [\"os.sync\"] }, got an array")
    XCTAssertEqual(
      error("[tool.asyncfix]\ntarget = \"auto\"\nblocking-calls = { ad = [\"x.y\"] }\n"),
      "pyproject.toml:3: [tool.asyncfix] 'blocking-calls' has unknown key 'ad' (did you mean 'add'?)")
    XCTAssertEqual(
      error("[tool.asyncfix]\nblocking-calls.add = [\n  \"ok.name\",\n  \"my lib.read\",\n]\n"),
      "pyproject.toml:4: [tool.asyncfix] 'blocking-calls.add' has an invalid qualified name \"my lib.read\" "
        + "(expected dotted Python names, like \"mylib.read_all\")")
    XCTAssertEqual(
      error("[tool.asyncfix]\nblocking-calls.remove = [\"os..sync\"]\n"),
      "pyproject.toml:2: [tool.asyncfix] 'blocking-calls.remove' has an invalid qualified name \"os..sync\" "
        + "(expected dotted Python names, like \"mylib.read_all\")")
    XCTAssertEqual(
      error("[tool.asyncfix]\nblocking-calls.add = [{ advice = \"x\" }]\n"),
      "pyproject.toml:2: [tool.asyncfix] 'blocking-calls.add' entry has no 'call'")
    XCTAssertEqual(
      error("[tool.asyncfix]\nblocking-calls.add = [{ call = \"a.b\", hint = \"x\" }]\n"),
      "pyproject.toml:2: [tool.asyncfix] 'blocking-calls.add' entry has unknown key 'hint'")
    XCTAssertEqual(
      error("[tool.asyncfix]\nblocking-calls.remove = [1]\n"),
      "pyproject.toml:2: [tool.asyncfix] 'blocking-calls.remove' must be an array of qualified names, got 1 in it")
  }

  func testInterruptRegistrarsValues() throws {
    let registrars = try configuration(
      """
      [[tool.asyncfix.interrupt-registrars]]
      call = "mylib.Button.on_press"
      handler-keyword = "handler"
      """
    ).interruptRegistrars
    XCTAssertEqual(
      registrars, [InterruptRegistrar(call: "mylib.Button.on_press", handlerPosition: nil, handlerKeyword: "handler")])
    XCTAssertEqual(
      error("[tool.asyncfix]\ninterrupt-registrars = \"mylib.on_edge\"\n"),
      "pyproject.toml:2: [tool.asyncfix] 'interrupt-registrars' must be an array of qualified names or "
        + "{ call = \"mod.func\", handler-arg = 1 } tables, got \"mylib.on_edge\"")
    XCTAssertEqual(
      error(
        """
        [tool.asyncfix]
        interrupt-registrars = [
          { call = "mylib.a", handler-arg = 1 },
          { call = "mylib.b", handler-arg = 0 },
        ]
        """),
      "pyproject.toml:4: [tool.asyncfix] 'handler-arg' of \"mylib.b\" must be a positive integer "
        + "(1 is the first argument), got 0")
    XCTAssertEqual(
      error("[tool.asyncfix]\ninterrupt-registrars = [{ handler-arg = 2 }]\n"),
      "pyproject.toml:2: [tool.asyncfix] 'interrupt-registrars' entry has no 'call'")
    XCTAssertEqual(
      error("[tool.asyncfix]\ninterrupt-registrars = [\n  \"a.b\",\n  { call = \"c.d\", handler = 2 },\n]\n"),
      "pyproject.toml:4: [tool.asyncfix] 'interrupt-registrars' entry \"c.d\" has unknown key 'handler' "
        + "(did you mean 'handler-arg'?)")
    XCTAssertEqual(
      error("[tool.asyncfix]\ninterrupt-registrars = [{ call = \"c.d\", handler-keyword = \"not a name\" }]\n"),
      "pyproject.toml:2: [tool.asyncfix] 'handler-keyword' of \"c.d\" must be a Python name, got \"not a name\"")
    XCTAssertEqual(
      error("[tool.asyncfix]\ninterrupt-registrars = [42]\n"),
      "pyproject.toml:2: [tool.asyncfix] 'interrupt-registrars' must be an array of qualified names or "
        + "{ call = \"mod.func\", handler-arg = 1 } tables, got 42 in it")
  }

  // MARK: - Not TOML

  func testInvalidTOMLNamesLineAndColumn() {
    XCTAssertEqual(
      error("[tool.asyncfix]\nselect = [\"AF1\"\nignore = []\n"),
      "pyproject.toml:3:1: invalid TOML: error while parsing array: expected comma or closing ']', saw 'i'")
    XCTAssertEqual(
      error("[tool.asyncfix]\ntarget = \"auto\"\ntarget = \"cpython\"\n"),
      "pyproject.toml:3:10: invalid TOML: error while parsing key-value pair: cannot redefine existing string "
        + "'target'")
  }

  func testInvalidUTF8AndNULAreErrors() {
    let invalid = ConfigurationLoader.parse(
      bytes: Array("[tool.asyncfix]\nselect = [\"".utf8) + [0xFF] + Array("\"]\n".utf8), display: "pyproject.toml",
      directory: "/", kind: .pyproject)
    XCTAssertEqual(
      invalid,
      .failure(ConfigurationError(file: "pyproject.toml", message: "invalid TOML: the file is not valid UTF-8")))
    XCTAssertEqual(
      error("[tool.asyncfix]\n\ntarget = \"auto\u{0}\"\n"),
      "pyproject.toml:3: invalid TOML: NUL characters are not allowed")
  }

  func testValuesAreQuotedWithEscapes() {
    XCTAssertEqual(ConfigurationParser.quoted("a\"b\\c\nd\u{1}"), "\"a\\\"b\\\\c\\nd\\u0001\"")
    XCTAssertEqual(
      error("[tool.asyncfix]\ntarget = { name = \"auto\" }\n"),
      "pyproject.toml:2: [tool.asyncfix] 'target' must be one of \"auto\", \"micropython\", \"cpython\", got a table")
    XCTAssertEqual(
      error("[tool.asyncfix]\ntarget = 07:32:00\n"),
      "pyproject.toml:2: [tool.asyncfix] 'target' must be one of \"auto\", \"micropython\", \"cpython\", got a time")
  }
}
