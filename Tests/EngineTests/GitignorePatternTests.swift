import XCTest

@testable import Engine

final class GitignorePatternTests: XCTestCase {
  private func glob(_ pattern: String, _ text: String) -> Bool {
    GitignorePattern.glob(Array(pattern.utf8)[...], Array(text.utf8)[...])
  }

  private func pattern(_ line: String) -> GitignorePattern? {
    GitignorePattern(line: Array(line.utf8)[...])
  }

  private func matches(_ line: String, _ path: String, directory: Bool = false) -> Bool {
    guard let pattern = pattern(line) else { return false }
    return pattern.matches(path.split(separator: "/"), isDirectory: directory)
  }

  func testGlobWildcardsAndClasses() {
    XCTAssertTrue(glob("*.py", "a.py"))
    XCTAssertTrue(glob("*.py", ".py"))
    XCTAssertFalse(glob("*.py", "a.pyi"))
    XCTAssertTrue(glob("a*b*c", "aXbYbZc"))
    XCTAssertFalse(glob("a*b*c", "aXbYbZ"))
    XCTAssertTrue(glob("?.py", "a.py"))
    XCTAssertFalse(glob("?.py", "ab.py"))
    XCTAssertTrue(glob("[a-c]x", "bx"))
    XCTAssertFalse(glob("[a-c]x", "dx"))
    XCTAssertTrue(glob("[!a-c]x", "dx"))
    XCTAssertFalse(glob("[^a-c]x", "ax"))
    XCTAssertTrue(glob("[]]", "]"))
    XCTAssertTrue(glob("[x", "[x"), "an unterminated class is a literal bracket")
    XCTAssertTrue(glob("\\*", "*"))
    XCTAssertFalse(glob("\\*", "a"))
    XCTAssertTrue(glob("**", "anything"))
  }

  func testLinesThatAreNotPatterns() {
    XCTAssertNil(pattern(""))
    XCTAssertNil(pattern("   "))
    XCTAssertNil(pattern("# comment"))
    XCTAssertNil(pattern("/"))
    XCTAssertNotNil(pattern("\\#file"))
  }

  func testAnchoringAndDirectories() {
    XCTAssertTrue(matches("name.py", "a/b/name.py"), "a pattern without a slash matches at any depth")
    XCTAssertTrue(matches("/name.py", "name.py"))
    XCTAssertFalse(matches("/name.py", "a/name.py"), "a leading slash anchors to the .gitignore's folder")
    XCTAssertTrue(matches("a/name.py", "a/name.py"))
    XCTAssertFalse(matches("a/name.py", "x/a/name.py"), "a middle slash anchors too")
    XCTAssertTrue(matches("out/", "x/out", directory: true))
    XCTAssertFalse(matches("out/", "x/out", directory: false))
    XCTAssertTrue(matches("**/out", "out"))
    XCTAssertTrue(matches("**/out", "a/b/out"))
    XCTAssertTrue(matches("a/**/b", "a/b"))
    XCTAssertTrue(matches("a/**/b", "a/x/y/b"))
    XCTAssertTrue(matches("a/**", "a/x"))
    XCTAssertFalse(matches("a/**", "a", directory: true), "`a/**` is what is inside a, not a itself")
  }

  func testNegationAndLastMatchWins() {
    let rules = Gitignore(contents: Array("*.py\n!keep.py\n".utf8))
    XCTAssertEqual(rules.verdict(for: ["x.py"], isDirectory: false), true)
    XCTAssertEqual(rules.verdict(for: ["keep.py"], isDirectory: false), false)
    XCTAssertNil(rules.verdict(for: ["x.txt"], isDirectory: false))
  }

  func testCarriageReturnsAndEscapedTrailingSpace() {
    XCTAssertTrue(matches("a.py\r", "a.py"))
    XCTAssertTrue(matches("a.py  ", "a.py"))
    XCTAssertTrue(matches("a\\ ", "a "), "an escaped trailing space is kept")
    XCTAssertFalse(matches("a\\ ", "a"))
  }
}
