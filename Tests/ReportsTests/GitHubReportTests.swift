import Engine
import Reports
import XCTest

/// GitHub workflow-command escaping, as `@actions/core` does it.
final class GitHubReportTests: XCTestCase {
  func testMessageEscaping() {
    XCTAssertEqual(GitHubReport.escapeData("100% done\r\nnext: a,b"), "100%25 done%0D%0Anext: a,b")
  }

  func testPropertyEscaping() {
    XCTAssertEqual(GitHubReport.escapeProperty("a,b:c%d\ne\rf"), "a%2Cb%3Ac%25d%0Ae%0Df")
  }

  func testAnnotationLine() {
    let finding = Finding(
      code: "AF102", name: "blocking-sleep", message: "50% of\nthe loop", path: "app/x,y.py", range: 0..<3,
      start: TextPosition(line: 2, column: 5), end: TextPosition(line: 2, column: 9),
      snippet: SourceSnippet(line: 2, text: "abc", caretOffset: 0, caretLength: 3))
    XCTAssertEqual(
      GitHubReport.render([finding]),
      "::error file=app/x%2Cy.py,line=2,col=5,endLine=2,endColumn=9,title=AF102 blocking-sleep::50%25 of%0Athe loop\n")
  }
}
