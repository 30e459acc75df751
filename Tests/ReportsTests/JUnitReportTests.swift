import PythonSyntax
import Transforms
import XCTest

@testable import Engine
@testable import Reports

/// The JUnit report: well-formed, valid against the project's schema and the Jenkins schemas,
/// and byte for byte the golden file for the shared sample project.
///
/// Time, timestamp and host name are fixed through `ReportClock` rather than normalised by
/// regular expressions, so the golden files are the exact output for that clock.
final class JUnitReportTests: XCTestCase {
  static let clock = ReportClock(timestamp: "2026-01-01T00:00:00", hostname: "localhost", elapsed: 0)

  // MARK: Helpers

  func finding(
    code: String = "AF102", name: String = "blocking-sleep", message: String = "utime.sleep() blocks the event loop",
    path: String = "app/main.py", line: Int = 12, column: Int = 5, snippet: String = "    utime.sleep(0.2)",
    fixes: [Fix] = []
  ) -> Finding {
    Finding(
      code: code, name: name, message: message, path: path, range: 0..<1,
      start: TextPosition(line: line, column: column), end: TextPosition(line: line, column: column + 16),
      snippet: SourceSnippet(line: line, text: snippet, caretOffset: column - 1, caretLength: 16), fixes: fixes)
  }

  func render(_ reports: [FileReport], strict: Bool = false, mode: ReportMode = .check) -> [UInt8] {
    JUnitReport.render(CheckRun(reports: reports), options: .init(strict: strict, mode: mode), clock: Self.clock)
  }

  /// Asserts `document` is valid against our schema, and against the Jenkins schema (strict) or
  /// the Jenkins schema with `file`/`line` (normal) when the shared schemas are present.
  func assertValid(_ document: [UInt8], strict: Bool = false, file: StaticString = #filePath, line: UInt = #line) {
    let text = String(decoding: document, as: UTF8.self)
    if let problems = XMLValidation.problems(document, schemaPath: XMLValidation.ownSchema) {
      XCTFail("asyncfix-junit.xsd: \(problems.joined(separator: "\n"))\n\(text)", file: file, line: line)
    }
    guard let shared = XMLValidation.sharedSchemaDirectory else { return }
    let schema = shared + (strict ? "/jenkins-xunit-junit-10.xsd" : "/junit-10-lint.xsd")
    if let problems = XMLValidation.problems(document, schemaPath: schema) {
      XCTFail("\(schema): \(problems.joined(separator: "\n"))\n\(text)", file: file, line: line)
    }
  }

  // MARK: Cases

  func testCleanFileGetsOnePassingTestCase() {
    let document = render([FileReport(path: "app/clean.py")])
    assertValid(document)
    assertValid(render([FileReport(path: "app/clean.py")], strict: true), strict: true)
    let text = String(decoding: document, as: UTF8.self)
    XCTAssertTrue(text.contains(#"<testsuites name="asyncfix" tests="1" failures="0" errors="0" time="0.000">"#), text)
    XCTAssertTrue(
      text.contains(#"<testcase classname="app.clean" name="asyncfix" file="app/clean.py" time="0.000"/>"#), text)
    XCTAssertTrue(text.contains(#"timestamp="2026-01-01T00:00:00" hostname="localhost" file="app/clean.py""#), text)
  }

  func testFindingsAreFailuresWithSnippetAndHelp() {
    let fix = Fix(
      message: "Replace with `await asyncio.sleep_ms(200)`", applicability: .safe,
      edits: [
        Edit(range: 0..<1, replacement: "x")
      ])
    let document = render([FileReport(path: "app/main.py", findings: [finding(fixes: [fix])])])
    assertValid(document)
    let text = String(decoding: document, as: UTF8.self)
    XCTAssertTrue(text.contains(#"name="AF102 blocking-sleep at 12:5" file="app/main.py" line="12""#), text)
    XCTAssertTrue(text.contains(#"<failure message="utime.sleep() blocks the event loop" type="AF102">"#), text)
    XCTAssertTrue(text.contains("12 |     utime.sleep(0.2)\n"), text)
    XCTAssertTrue(text.contains("   |     ^^^^^^^^^^^^^^^^\n"), text)
    XCTAssertTrue(text.contains("= help: Replace with `await asyncio.sleep_ms(200)`"), text)
    XCTAssertTrue(text.contains(#"tests="1" failures="1" errors="0""#), text)
  }

  func testStrictLeavesOutFileAndLineOfTestCases() {
    let document = render([FileReport(path: "app/main.py", findings: [finding()])], strict: true)
    assertValid(document, strict: true)
    let text = String(decoding: document, as: UTF8.self)
    XCTAssertTrue(text.contains(#"<testcase classname="app.main" name="AF102 blocking-sleep at 12:5" time="0.000">"#))
    XCTAssertFalse(text.contains("line="))
  }

  func testSyntaxErrorIsAnError() {
    let syntax = finding(code: "AF001", name: "syntax-error", message: "'(' was never closed", line: 4, column: 15)
    let document = render([FileReport(path: "app/broken.py", findings: [syntax])])
    assertValid(document)
    let text = String(decoding: document, as: UTF8.self)
    XCTAssertTrue(
      text.contains(#"<error message="&apos;(&apos; was never closed" type="AF001">"#)
        || text.contains(#"<error message="'(' was never closed" type="AF001">"#), text)
    XCTAssertTrue(text.contains(#"tests="1" failures="0" errors="1""#), text)
  }

  func testUnreadableFileIsAnError() {
    let error = FileError(path: "app/secret.py", reason: .permissionDenied)
    let document = render([FileReport(path: "app/secret.py", error: error)])
    assertValid(document)
    assertValid(render([FileReport(path: "app/secret.py", error: error)], strict: true), strict: true)
    let text = String(decoding: document, as: UTF8.self)
    XCTAssertTrue(text.contains(#"<error message="app/secret.py: Permission denied" type="read-error">"#), text)
    XCTAssertFalse(text.contains(#"name="asyncfix" file="app/secret.py" time="0.000"/>"#), text)
  }

  func testFixModeReportsEachAppliedFixWithItsHunk() throws {
    let path = "app/main.py"
    let bytes = try golden("project/" + path)
    let rules = RuleRunner.rules(path: path, settings: Settings())
    let outcome = FixLoop.run(bytes, mode: .safe, rules: rules)
    XCTAssertFalse(outcome.appliedFixes.isEmpty)
    let report = FileReport(
      path: path, findings: outcome.remainingFindings, original: bytes, fixed: outcome.bytes,
      appliedFixes: outcome.appliedFixes)
    let document = render([report], mode: .fix)
    assertValid(document)
    let text = String(decoding: document, as: UTF8.self)
    XCTAssertTrue(text.contains(#"name="AF102 blocking-sleep at 11:5 fixed""#), text)
    XCTAssertTrue(text.contains("-    utime.sleep(0.2)\n+    await asyncio.sleep_ms(200)\n"), text)
    XCTAssertTrue(text.contains("<system-out>@@ line 11\n"), text)
    XCTAssertTrue(text.contains(#"name="asyncfix" file="app/main.py""#), text)
    // Check mode ignores applied fixes.
    XCTAssertFalse(String(decoding: render([report]), as: UTF8.self).contains("fixed"))
  }

  func testForbiddenCharactersAreStripped() {
    let nasty = "tab\there \u{1}bell\u{7} esc\u{1B} \u{FFFE}\u{FFFF} nul\u{0} é ✓ 🐍 <&>\"'"
    let document = render([
      FileReport(
        path: "app/un\u{1}icode.py",
        findings: [finding(message: "line one\nline two \u{8}" + nasty, path: "app/unicode.py", snippet: nasty)],
        problems: ["rolled back \u{2}"])
    ])
    assertValid(document)
    let text = String(decoding: document, as: UTF8.self)
    XCTAssertFalse(text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" }, text)
    XCTAssertFalse(text.contains("\u{FFFE}") || text.contains("\u{FFFF}"))
    XCTAssertTrue(text.contains("é ✓ 🐍 &lt;&amp;&gt;"), text)
    XCTAssertTrue(text.contains(#"message="line one line two "#), text)
    XCTAssertFalse(text.contains("CDATA"))
  }

  func testInvalidUTF8BecomesReplacementCharacters() {
    let input: [UInt8] = [0x61, 0xFF, 0x62, 0xC3, 0x28, 0xED, 0xA0, 0x80, 0x63, 0x01, 0xEF, 0xBF, 0xBE, 0xF0, 0x9F]
    let output = XMLText.sanitized(input)
    XCTAssertNotNil(String(validating: output, as: UTF8.self))
    let text = String(decoding: output, as: UTF8.self)
    XCTAssertTrue(text.hasPrefix("a\u{FFFD}b\u{FFFD}("), text)
    XCTAssertFalse(text.contains("\u{1}") || text.contains("\u{FFFE}"))
    XCTAssertEqual(XMLText.sanitized("plain ascii"), Array("plain ascii".utf8))
  }

  func testDuplicateCodeAndPositionGetUniqueNames() {
    let same = finding()
    let document = render([
      FileReport(path: "a.py", findings: [same, same, finding(message: "other"), finding(code: "AF103")])
    ])
    assertValid(document)
    let text = String(decoding: document, as: UTF8.self)
    XCTAssertTrue(text.contains(#"name="AF102 blocking-sleep at 12:5" "#), text)
    XCTAssertTrue(text.contains(#"name="AF102 blocking-sleep at 12:5 (2)" "#), text)
    XCTAssertTrue(text.contains(#"name="AF102 blocking-sleep at 12:5 (3)" "#), text)
    XCTAssertTrue(text.contains(#"name="AF103 blocking-sleep at 12:5" "#), text)
  }

  func testClassNameAndSeconds() {
    XCTAssertEqual(JUnitReport.Suite.className("./app/sub/main.py"), "app.sub.main")
    XCTAssertEqual(JUnitReport.Suite.className("tool.pyw"), "tool.pyw")
    XCTAssertEqual(JUnitReport.Suite.className("/tmp/x.py"), "tmp.x")
    XCTAssertEqual(JUnitReport.Suite.className("../up/x.py"), "...up.x")
    XCTAssertEqual(JUnitReport.Suite.className("./.hidden/a.py"), ".hidden.a")
    XCTAssertEqual(JUnitReport.Suite.className("././a.py"), "a")
    XCTAssertEqual(JUnitReport.Suite.className("../x.py"), "...x")
    XCTAssertNotEqual(JUnitReport.Suite.className("../x.py"), JUnitReport.Suite.className("x.py"))
    XCTAssertEqual(JUnitReport.Suite.className(".venv2/a.py"), ".venv2.a")
    XCTAssertEqual(JUnitReport.seconds(0), "0.000")
    XCTAssertEqual(JUnitReport.seconds(1.2345), "1.235")
    XCTAssertEqual(JUnitReport.seconds(12.05), "12.050")
    XCTAssertEqual(JUnitReport.seconds(-1), "0.000")
    XCTAssertEqual(JUnitReport.seconds(.nan), "0.000")
    XCTAssertEqual(ReportClock.utcTimestamp(0), "1970-01-01T00:00:00")
    XCTAssertEqual(ReportClock.utcTimestamp(1_767_225_599), "2025-12-31T23:59:59")
  }

  func testTenThousandFindingsRenderQuickly() {
    let findings = (0..<10_000).map { finding(line: $0 + 1, column: 5) }
    let start = ContinuousClock.now
    let document = render([FileReport(path: "big.py", findings: findings)])
    let elapsed = ContinuousClock.now - start
    print("JUnit report of 10,000 findings rendered in \(elapsed)")
    // A sanity bound for debug builds on a shared machine; the release figure is far lower.
    XCTAssertLessThan(elapsed, .seconds(5))
    assertValid(document)
  }

  /// The validation helper itself rejects what it should, so the passes above mean something.
  func testValidationRejectsBadDocuments() {
    let control = Array("<?xml version=\"1.0\"?><testsuites name=\"asyncfix\">\u{1}</testsuites>".utf8)
    XCTAssertEqual(XMLValidation.problems(control, schemaPath: XMLValidation.ownSchema)?.first, "not well-formed")
    let empty = Array(
      """
      <testsuites name="asyncfix" tests="0" failures="0" errors="0" time="0.000"><testsuite name="a.py" \
      tests="0" failures="0" errors="0" skipped="0" time="0.000" timestamp="2026-01-01T00:00:00" hostname="h" \
      file="a.py"/></testsuites>
      """.utf8)
    XCTAssertNotNil(XMLValidation.problems(empty, schemaPath: XMLValidation.ownSchema))
    var good = render([FileReport(path: "a.py", findings: [finding()])])
    XCTAssertNil(XMLValidation.problems(good, schemaPath: XMLValidation.ownSchema))
    good = Array(String(decoding: good, as: UTF8.self).replacing(#"time="0.000">"#, with: #"time="0.0">"#).utf8)
    XCTAssertNotNil(XMLValidation.problems(good, schemaPath: XMLValidation.ownSchema))
    if let shared = XMLValidation.sharedSchemaDirectory {
      let withLine = render([FileReport(path: "a.py", findings: [finding()])])
      XCTAssertNotNil(XMLValidation.problems(withLine, schemaPath: shared + "/jenkins-xunit-junit-10.xsd"))
    }
  }

  // MARK: Golden files

  func testGoldenReportsOfSampleProject() throws {
    let run = try checkSampleProject()
    try assertGolden(render(run.reports), "report.junit.xml")
    try assertGolden(render(run.reports, strict: true), "report.strict.junit.xml")
    assertValid(render(run.reports))
    assertValid(render(run.reports, strict: true), strict: true)
  }

  static let goldenDirectory = XMLValidation.packageRoot.appendingPathComponent("Golden/reports")

  func golden(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: Self.goldenDirectory.appendingPathComponent(name)))
  }

  /// `check app` run from inside `Golden/reports/project` with every rule, so paths read `app/…`.
  func checkSampleProject() throws -> CheckRun {
    let previous = FileManager.default.currentDirectoryPath
    let project = Self.goldenDirectory.appendingPathComponent("project").path
    XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(project))
    defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
    return Checker.check(
      paths: ["app"],
      options: CheckOptions(rules: RuleRunner.factory))
  }

  func assertGolden(_ actual: [UInt8], _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
    let url = Self.goldenDirectory.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["ASYNCFIX_UPDATE_GOLDEN"] == "1" {
      try Data(actual).write(to: url)
      return
    }
    let expected = try golden(name)
    XCTAssertEqual(
      String(decoding: actual, as: UTF8.self), String(decoding: expected, as: UTF8.self),
      "\(name) differs; ASYNCFIX_UPDATE_GOLDEN=1 rewrites it", file: file, line: line)
  }
}
