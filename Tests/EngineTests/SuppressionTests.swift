import PythonSyntax
import XCTest

@testable import Engine

final class SuppressionTests: XCTestCase {
  /// Whether a finding of `code` at the first occurrence of `marker` in `source` is suppressed.
  private func isSuppressed(
    _ code: String, at marker: String, in source: String, file: StaticString = #filePath, line: UInt = #line
  ) -> Bool {
    let tree = parseChecked(source, file: file, line: line)
    guard let found = source.utf8.firstRange(of: marker.utf8) else {
      XCTFail("no \(marker)", file: file, line: line)
      return false
    }
    let start = UInt32(source.utf8.distance(from: source.utf8.startIndex, to: found.lowerBound))
    let finding = Finding(
      rule: RuleIdentity(code: code, name: "x"), message: "m", path: "p.py",
      range: start..<start + UInt32(marker.utf8.count), in: tree.source)
    let index = SuppressionIndex(tree: tree)
    XCTAssertEqual(index.unsuppressed([finding]).isEmpty, index.suppresses(finding), file: file, line: line)
    return index.suppresses(finding)
  }

  func testAsyncfixIgnoreWithCodes() {
    let source = "async def f():\n    time.sleep(1)  # asyncfix: ignore[AF102]\n"
    XCTAssertTrue(isSuppressed("AF102", at: "time", in: source))
    XCTAssertFalse(isSuppressed("AF103", at: "time", in: source))
    let two = "time.sleep(1)  # asyncfix: ignore[AF102, AF103]\n"
    XCTAssertTrue(isSuppressed("AF102", at: "time", in: two))
    XCTAssertTrue(isSuppressed("AF103", at: "time", in: two))
    XCTAssertFalse(isSuppressed("AF101", at: "time", in: two))
    XCTAssertTrue(isSuppressed("AF102", at: "time", in: "time.sleep(1)  #asyncfix:ignore [AF102]\n"))
  }

  func testBareIgnoreSuppressesEveryCode() {
    XCTAssertTrue(isSuppressed("AF109", at: "x", in: "x()  # asyncfix: ignore\n"))
    XCTAssertTrue(isSuppressed("AF109", at: "x", in: "x()  # asyncfix: ignore  (reviewed)\n"))
    XCTAssertTrue(isSuppressed("AF109", at: "x", in: "x()  # noqa\n"))
    XCTAssertTrue(isSuppressed("AF109", at: "x", in: "x()  # NOQA\n"))
  }

  func testNoqaWithCodes() {
    XCTAssertTrue(isSuppressed("AF102", at: "t", in: "t()  # noqa: AF102\n"))
    XCTAssertFalse(isSuppressed("AF103", at: "t", in: "t()  # noqa: AF102\n"))
    XCTAssertTrue(isSuppressed("AF103", at: "t", in: "t()  # noqa: AF102,AF103\n"))
    XCTAssertTrue(isSuppressed("AF103", at: "t", in: "t()  # noqa:AF102 AF103 because the loop is bounded\n"))
    XCTAssertFalse(isSuppressed("AF102", at: "t", in: "t()  # noqa: E501\n"), "another tool's code")
    XCTAssertTrue(isSuppressed("AF102", at: "t", in: "t()  # type: ignore  # noqa: AF102\n"))
    XCTAssertTrue(isSuppressed("AF102", at: "t", in: "t()  # noqa: af102\n"), "codes are read case-insensitively")
  }

  func testMalformedDirectivesSuppressNothing() {
    XCTAssertFalse(isSuppressed("AF102", at: "t", in: "t()  # asyncfix: ignore[AF102\n"))
    XCTAssertFalse(isSuppressed("AF102", at: "t", in: "t()  # asyncfix: ignored\n"))
    XCTAssertFalse(isSuppressed("AF102", at: "t", in: "t()  # asyncfix ignore\n"))
    XCTAssertFalse(isSuppressed("AF102", at: "t", in: "t()  # noqaAF102\n"))
    XCTAssertFalse(isSuppressed("AF102", at: "t", in: "t()  # see asyncfix docs, not noqa\n"))
  }

  func testOnlyTheFindingsLineOrItsStatementsFirstLine() {
    let call = "sleep(  # noqa: AF102\n    1,\n    x)\n"
    XCTAssertTrue(isSuppressed("AF102", at: "x)", in: call), "on the statement's first line")
    let above = "# noqa: AF102\nsleep(1)\n"
    XCTAssertFalse(isSuppressed("AF102", at: "sleep", in: above), "a comment line above covers nothing")
    let loop = "while True:  # asyncfix: ignore[AF103]\n    x = 1\n    sleep(1)\n"
    XCTAssertTrue(isSuppressed("AF103", at: "while", in: loop))
    XCTAssertFalse(
      isSuppressed("AF103", at: "sleep", in: loop), "a header comment does not cover the body's own statements")
    let nested = "async def f():\n    await g(a,\n            b)  # noqa: AF101\n"
    XCTAssertTrue(isSuppressed("AF101", at: "b)", in: nested), "on the finding's own line")
    XCTAssertFalse(isSuppressed("AF101", at: "await", in: nested), "the statement starts on the line before")
    let compound = "if x: time.sleep(1)  # noqa: AF102\n"
    XCTAssertTrue(isSuppressed("AF102", at: "time", in: compound))
  }

  func testTextInsideStringsIsNotASuppression() {
    XCTAssertFalse(isSuppressed("AF102", at: "t", in: "t(\"# noqa: AF102\")\n"))
    XCTAssertFalse(isSuppressed("AF102", at: "t", in: "t('''\n# asyncfix: ignore\n''')\n"))
    XCTAssertFalse(isSuppressed("AF102", at: "t", in: "t(f\"{x} # noqa\")\n"))
    XCTAssertFalse(isSuppressed("AF102", at: "t", in: "x = '''\n# asyncfix: skip-file\n'''\nt()\n"))
  }

  func testSkipFileAnywhereInAComment() {
    XCTAssertTrue(isSuppressed("AF102", at: "t", in: "# asyncfix: skip-file\nt()\n"))
    XCTAssertTrue(isSuppressed("AF102", at: "t", in: "t()\nif x:\n    y = 1  # asyncfix: skip-file\n"))
    XCTAssertTrue(isSuppressed("AF102", at: "t", in: "t()\n\n# trailing\n#asyncfix:skip-file"))
    XCTAssertFalse(isSuppressed("AF102", at: "t", in: "t()  # asyncfix: skip-files\n"))
    let tree = parseChecked("def f(:\n# asyncfix: skip-file\n")
    XCTAssertTrue(SuppressionIndex(tree: tree).skipsFile, "also in a file with syntax errors")
  }

  func testTheIndexIsBuiltFromCommentsOnly() {
    let tree = parseChecked("a = 1  # noqa: AF101\n\n  # asyncfix: ignore[AF102]\nb = '# noqa'  # noqa\n")
    let index = SuppressionIndex(tree: tree)
    XCTAssertEqual(index.lines, [1: .codes(["AF101"]), 3: .codes(["AF102"]), 4: .all])
    XCTAssertFalse(index.skipsFile)
  }

  func testCommentParsing() {
    func parse(_ text: String) -> SuppressionComment { SuppressionComment.parse(Array(text.utf8)[...]) }
    XCTAssertEqual(parse("# asyncfix: ignore[AF102,AF103]").suppression, .codes(["AF102", "AF103"]))
    XCTAssertEqual(parse("# asyncfix: ignore[AF102] # noqa: AF109").suppression, .codes(["AF102", "AF109"]))
    XCTAssertEqual(parse("# asyncfix: ignore[AF102] # noqa").suppression, .all)
    XCTAssertEqual(parse("# noqa: AF102, AF103").suppression, .codes(["AF102", "AF103"]))
    XCTAssertNil(parse("# plain comment").suppression)
    XCTAssertTrue(parse("# asyncfix: skip-file").skipsFile)
    XCTAssertFalse(parse("# asyncfix: skip-file").suppression != nil)
  }
}
