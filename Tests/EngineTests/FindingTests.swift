import PythonSyntax
import XCTest

@testable import Engine

final class FindingTests: XCTestCase {
  private let rule = RuleIdentity(code: "AF999", name: "test-rule")

  private func finding(_ text: String, _ range: Range<UInt32>) -> Finding {
    Finding(rule: rule, message: "m", path: "p.py", range: range, in: SourceBuffer(text))
  }

  func testPositionsAreOneBasedScalarColumns() {
    // "é" is 2 bytes, "😀" 4 bytes: the `x` on line 2 is at byte 7 of its line, scalar 3.
    let text = "a = 1\né😀x = 2\n"
    let start = UInt32(6 + 6)
    let result = finding(text, start..<start + 1)
    XCTAssertEqual(result.start, TextPosition(line: 2, column: 3))
    XCTAssertEqual(result.end, TextPosition(line: 2, column: 4))
    XCTAssertEqual(result.code, "AF999")
    XCTAssertEqual(result.name, "test-rule")
  }

  func testRangesAreClampedToTheSource() {
    let result = finding("ab", 1..<99)
    XCTAssertEqual(result.range, 1..<2)
    XCTAssertEqual(result.end, TextPosition(line: 1, column: 3))
    let atEnd = finding("ab\n", 3..<3)
    XCTAssertEqual(atEnd.start, TextPosition(line: 2, column: 1))
  }

  func testSnippetUnderlinesTheSpanOnItsFirstLine() {
    let snippet = finding("if x\n    y = 10\n", 9..<14).snippet
    XCTAssertEqual(snippet.line, 2)
    XCTAssertEqual(snippet.text, "    y = 10")
    XCTAssertEqual(snippet.caretOffset, 4)
    XCTAssertEqual(snippet.caretLength, 5)
    let multiLine = finding("x = (1,\n 2)\n", 4..<11).snippet
    XCTAssertEqual(multiLine.text, "x = (1,")
    XCTAssertEqual(multiLine.caretLength, 3, "a span running past its line is underlined to the line's end")
    XCTAssertEqual(finding("x\n", 1..<1).snippet.caretLength, 1, "a point gets one caret")
  }

  func testSnippetMakesTextSafeToPrint() {
    let snippet = finding("\ta\u{1B}[31m\u{202E}b\r\n", 10..<11).snippet
    XCTAssertEqual(snippet.text, "    a\u{241B}[31m\u{FFFD}b")
    XCTAssertEqual(snippet.caretOffset, 11, "the tab counts as the four spaces shown")
    let invalid = SourceSnippet(source: SourceBuffer([0x61, 0xFF, 0xE2, 0x82, 0x62]), range: 4..<5)
    XCTAssertEqual(invalid.text, "a\u{FFFD}\u{FFFD}\u{FFFD}b")
    XCTAssertEqual(invalid.caretOffset, 4)
  }

  func testLongLinesShowAWindowAroundTheFinding() {
    let line = String(repeating: "a", count: 1_000_000) + "X" + String(repeating: "b", count: 1_000_000)
    let snippet = finding(line, 1_000_000..<1_000_001).snippet
    let scalars = Array(snippet.text.unicodeScalars)
    XCTAssertLessThanOrEqual(scalars.count, SourceSnippet.maxWidth + 2)
    XCTAssertEqual(scalars.first, "…")
    XCTAssertEqual(scalars.last, "…")
    XCTAssertEqual(scalars[snippet.caretOffset], "X")
    XCTAssertEqual(snippet.caretLength, 1)
  }
}
