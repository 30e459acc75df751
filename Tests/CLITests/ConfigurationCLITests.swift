import XCTest

/// Configuration files and the options that override them, end to end through the binary.
final class ConfigurationCLITests: XCTestCase {
  private let syntaxError = "while True\n    pass\n"

  func testBadPyprojectIsReportedAndASiblingProjectIsStillChecked() throws {
    let scratch = try Scratch()
    try scratch.write(
      "firmware/pyproject.toml",
      """
      [project]
      name = "firmware"

      [tool.asyncfix]
      target = "micropython"
      selct = ["AF1"]
      """)
    try scratch.write("firmware/main.py", syntaxError)
    try scratch.write("service/asyncfix.toml", "target = \"cpython\"\n")
    try scratch.write("service/api.py", syntaxError)
    let result = try CommandRunner.run(["check", "--quiet", "."], in: scratch.path)
    XCTAssertEqual(result.status, 2)
    XCTAssertEqual(
      result.stderr, "error: firmware/pyproject.toml:6: [tool.asyncfix] unknown key 'selct' (did you mean 'select'?)\n")
    XCTAssertEqual(result.stdout, "service/api.py:1:11: AF001 expected ':'\n")
  }

  func testBadValueMessageAndTextReportWithoutSummary() throws {
    let scratch = try Scratch()
    try scratch.write("pyproject.toml", "[tool.asyncfix]\n\nprecise-delay-ms = \"5\"\n")
    try scratch.write("a.py", "x = 1\n")
    let result = try CommandRunner.run(["check", "a.py"], in: scratch.path)
    XCTAssertEqual(result.status, 2)
    XCTAssertEqual(
      result.stderr,
      "error: pyproject.toml:3: [tool.asyncfix] 'precise-delay-ms' must be a non-negative integer, got \"5\"\n")
    XCTAssertEqual(result.stdout, "", "no 'All checks passed!' when a file could not be checked")
  }

  func testInvalidTOMLNamesLineAndColumn() throws {
    let scratch = try Scratch()
    try scratch.write("asyncfix.toml", "select = [\"AF1\"\nignore = []\n")
    try scratch.write("a.py", "x = 1\n")
    let result = try CommandRunner.run(["check", "."], in: scratch.path)
    XCTAssertEqual(result.status, 2)
    XCTAssertEqual(
      result.stderr,
      "error: asyncfix.toml:2:1: invalid TOML: error while parsing array: expected comma or closing ']', saw 'i'\n")
  }

  func testConfigurationIgnoresAndCommandLineSelectWins() throws {
    let scratch = try Scratch()
    try scratch.write("pyproject.toml", "[tool.asyncfix]\nignore = [\"AF001\"]\n")
    try scratch.write("pkg/bad.py", syntaxError)
    let ignored = try CommandRunner.run(["check", "."], in: scratch.path)
    XCTAssertEqual(ignored.status, 0)
    XCTAssertEqual(ignored.stdout, "All checks passed!\n")
    let selected = try CommandRunner.run(["check", "-q", "--select", "AF001", "."], in: scratch.path)
    XCTAssertEqual(selected.status, 1, "--select replaces the configuration's selection")
    XCTAssertEqual(selected.stdout, "pkg/bad.py:1:11: AF001 expected ':'\n")
  }

  func testPerFileIgnoresAndExclude() throws {
    let scratch = try Scratch()
    try scratch.write(
      "asyncfix.toml",
      """
      exclude = ["vendor/"]

      [per-file-ignores]
      "legacy/*.py" = ["AF0"]
      """)
    try scratch.write("legacy/old.py", syntaxError)
    try scratch.write("vendor/lib.py", syntaxError)
    try scratch.write("new.py", syntaxError)
    let result = try CommandRunner.run(["check", "-q", "."], in: scratch.path)
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(result.stdout, "new.py:1:11: AF001 expected ':'\n")
    let named = try CommandRunner.run(["check", "-q", "vendor/lib.py"], in: scratch.path)
    XCTAssertEqual(named.status, 1, "a file named on the command line is checked even when excluded")
  }

  func testExplicitConfigOverridesTheNearestFile() throws {
    let scratch = try Scratch()
    try scratch.write("pyproject.toml", "[tool.asyncfix]\nselct = []\n")
    try scratch.write("ci/lenient.toml", "ignore = [\"AF\"]\n")
    try scratch.write("bad.py", syntaxError)
    let broken = try CommandRunner.run(["check", "bad.py"], in: scratch.path)
    XCTAssertEqual(broken.status, 2)
    let overridden = try CommandRunner.run(["check", "--config", "ci/lenient.toml", "bad.py"], in: scratch.path)
    XCTAssertEqual(overridden.status, 0)
    XCTAssertEqual(overridden.stderr, "")
    let missing = try CommandRunner.run(["check", "--config", "nope.toml", "bad.py"], in: scratch.path)
    XCTAssertEqual(missing.status, 2)
    XCTAssertEqual(missing.stderr, "error: nope.toml: No such file or directory\n")
  }

  func testTargetOptionIsValidated() throws {
    let scratch = try Scratch()
    try scratch.write("a.py", "x = 1\n")
    let good = try CommandRunner.run(["check", "--target", "micropython", "a.py"], in: scratch.path)
    XCTAssertEqual(good.status, 0)
    let bad = try CommandRunner.run(["check", "--target", "pypy", "a.py"], in: scratch.path)
    XCTAssertEqual(bad.status, 64)
    XCTAssertTrue(bad.stderr.contains("'pypy'"), bad.stderr)
  }

  /// `blocking-calls` in a `pyproject.toml` changes AF109's list for the files below it only.
  func testBlockingCallsFromPyproject() throws {
    let scratch = try Scratch()
    try scratch.write(
      "firmware/pyproject.toml",
      """
      [tool.asyncfix.blocking-calls]
      add = [{ call = "flash.erase", advice = "Erase at boot" }, "flash.Chip.write_page"]
      remove = ["os.sync"]
      """)
    let source = """
      import os
      import flash

      async def save(data):
          flash.erase(0)
          chip = flash.Chip()
          chip.write_page(0, data)
          os.sync()

      """
    try scratch.write("firmware/main.py", source)
    try scratch.write("tools/main.py", source)
    let result = try CommandRunner.run(["check", "--select", "AF109", "--color", "never", "."], in: scratch.path)
    XCTAssertEqual(result.status, 1)
    let headers = result.stdout.split(separator: "\n").filter { $0.contains(": AF109 ") }
    XCTAssertEqual(
      headers,
      [
        "firmware/main.py:5:5: AF109 flash.erase() blocks the event loop inside a coroutine",
        "firmware/main.py:7:5: AF109 chip.write_page() (flash.Chip.write_page) blocks the event loop inside a "
          + "coroutine",
        "tools/main.py:8:5: AF109 os.sync() blocks the event loop inside a coroutine",
      ])
    XCTAssertTrue(result.stdout.contains("= help: Erase at boot\n"), result.stdout)
  }
}
