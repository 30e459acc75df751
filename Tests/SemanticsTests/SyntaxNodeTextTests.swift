import PythonSyntax
import Semantics
import XCTest

/// How rules quote code: `compactText` drops all trivia, `shortText` keeps one space where the
/// source had any and cuts long code.
final class SyntaxNodeTextTests: XCTestCase {
  func testCompactTextDropsSpacingCommentsAndLineBreaks() {
    let s = Snippet("x = time . sleep\nawait_(  # why\n    self. _task)\n", allowingErrors: false)
    let attributes = s.nodes(.attribute)
    XCTAssertEqual(attributes.map(\.compactText), ["time.sleep", "self._task"])
  }

  func testShortTextKeepsOneSpaceAndCuts() {
    let s = Snippet(
      "while not  x.busy(  1 ,2 ):\n    pass\nwhile a_very_long_name_1 and a_very_long_name_2 and c:\n    pass\n")
    let conditions = s.nodes(.whileStatement).compactMap { WhileSyntax($0)?.condition }
    XCTAssertEqual(conditions.first?.shortText(), "not x.busy( 1 ,2 )")
    XCTAssertEqual(conditions.last?.shortText(), "a_very_long_name_1 and a_very_long_name…")
    XCTAssertEqual(conditions.last?.shortText().count, 40)
    XCTAssertEqual(conditions.last?.shortText(limit: 10), "a_very_lo…")
  }
}
