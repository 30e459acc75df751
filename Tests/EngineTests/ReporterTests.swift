import Engine
import Foundation
import PythonSyntax
import Reports
import XCTest

final class ReporterTests: XCTestCase {
  private func finding(_ text: String, _ range: Range<UInt32>, path: String = "app/main.py") -> Finding {
    Finding(
      rule: RuleCatalog.syntaxError, message: "expected ':'", path: path, range: range, in: SourceBuffer(text))
  }

  func testTextReportLayout() {
    let source = "import os\n\nwhile True\n    pass\n"
    let report = TextReporter().report([finding(source, 21..<22)], hadErrors: false)
    XCTAssertEqual(
      report,
      """
      app/main.py:3:11: AF001 expected ':'
        |
      3 | while True
        |           ^
        |

      Found 1 finding (0 fixable with 'asyncfix fix', 0 more with '--unsafe-fixes').

      """)
  }

  func testSummaryWording() {
    let reporter = TextReporter()
    XCTAssertEqual(
      reporter.summary(findingCount: 0, fixable: 0, unsafeFixable: 0, hadErrors: false), "All checks passed!")
    XCTAssertNil(reporter.summary(findingCount: 0, fixable: 0, unsafeFixable: 0, hadErrors: true))
    XCTAssertEqual(
      reporter.summary(findingCount: 3, fixable: 2, unsafeFixable: 1, hadErrors: true),
      "Found 3 findings (2 fixable with 'asyncfix fix', 1 more with '--unsafe-fixes').")
    XCTAssertEqual(reporter.report([], hadErrors: false), "All checks passed!\n")
  }

  func testGutterWidensWithLineNumbers() {
    let source = String(repeating: "\n", count: 11) + "x y\n"
    let report = TextReporter().report([finding(source, 13..<14)], hadErrors: false)
    XCTAssertTrue(report.contains("\n   |\n12 | x y\n   |   ^\n   |\n"), report)
  }

  func testConciseReportAndColours() {
    let source = "while True\n"
    let items = [finding(source, 10..<10, path: "a.py"), finding(source, 0..<5, path: "b.py")]
    XCTAssertEqual(TextReporter().conciseReport(items), "a.py:1:11: AF001 expected ':'\nb.py:1:1: AF001 expected ':'\n")
    let coloured = TextReporter(style: TerminalStyle(isEnabled: true)).report(items, hadErrors: false)
    XCTAssertTrue(coloured.contains("\u{1B}[1;31mAF001\u{1B}[0m"))
    XCTAssertFalse(TextReporter().report(items, hadErrors: false).contains("\u{1B}"))
  }

  func testJSONReportShape() throws {
    // "é" is two bytes and one scalar: the "(" at byte 5 is column 5.
    let source = "é = (\n"
    let report = JSONReporter.report([finding(source, 5..<6, path: "app/é.py")])
    XCTAssertEqual(
      report,
      """
      [
        {
          "code" : "AF001",
          "end_location" : {
            "column" : 6,
            "row" : 1
          },
          "filename" : "app/é.py",
          "fix" : null,
          "location" : {
            "column" : 5,
            "row" : 1
          },
          "message" : "expected ':'",
          "name" : "syntax-error"
        }
      ]

      """)
    XCTAssertEqual(JSONReporter.report([]), "[]\n")
    let decoded = try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [[String: Any]]
    XCTAssertEqual(decoded?.count, 1)
  }
}
