import XCTest
@testable import PythonSyntax

final class LexerTests: XCTestCase {
  // MARK: Lines and indentation

  func testSimpleStatement() {
    assertTokens("x = 1\n", [(.name, "x"), (.equal, "="), (.number, "1"), (.newline, "\n"), (.endOfFile, "")])
  }

  func testEmptyFile() {
    assertTokens("", [(.endOfFile, "")])
    assertTokens("\n\n  # only a comment\n", [(.endOfFile, "")])
  }

  func testNoFinalNewline() {
    assertTokens("pass", [(.passKeyword, "pass"), (.newline, ""), (.endOfFile, "")])
    assertTokens("pass  # c", [(.passKeyword, "pass"), (.newline, ""), (.endOfFile, "")])
  }

  func testIndentAndDedent() {
    assertTokens(
      "if x:\n    y\nz\n",
      [
        (.ifKeyword, "if"), (.name, "x"), (.colon, ":"), (.newline, "\n"), (.indent, ""), (.name, "y"),
        (.newline, "\n"), (.dedent, ""), (.name, "z"), (.newline, "\n"), (.endOfFile, ""),
      ])
    assertTokens(
      "if x:\n  if y:\n    z",
      [
        (.ifKeyword, "if"), (.name, "x"), (.colon, ":"), (.newline, "\n"), (.indent, ""), (.ifKeyword, "if"),
        (.name, "y"), (.colon, ":"), (.newline, "\n"), (.indent, ""), (.name, "z"), (.newline, ""),
        (.dedent, ""), (.dedent, ""), (.endOfFile, ""),
      ])
  }
}

// MARK: - Helpers


/// The result of lexing one source in a test: its tokens as (kind, text) pairs, the
/// diagnostics, and the raw table for trivia checks.
struct LexedSource {
  let source: SourceBuffer
  let table: TokenTable
  let diagnostics: [SyntaxDiagnostic]

  var tokens: [(TokenKind, String)] {
    (0..<table.count).map { (table.kinds[$0], source.text(table.textRange(UInt32($0)))) }
  }

  /// Tokens without NEWLINE/INDENT/DEDENT/end of file, for checks of one line's tokens.
  var significantTokens: [(TokenKind, String)] {
    tokens.filter { !$0.0.isLayout }
  }

  var kinds: [TokenKind] { table.kinds }

  func leadingTrivia(_ index: Int) -> String { source.text(table.leadingTriviaRange(UInt32(index))) }
  func trailingTrivia(_ index: Int) -> String { source.text(table.trailingTriviaRange(UInt32(index))) }
  var messages: [String] { diagnostics.map(\.message) }
}

/// Problems with how `table` tiles `bytes` (empty when it tiles them exactly and ends with the
/// end-of-file token).
func tilingProblems(_ table: TokenTable, _ bytes: [UInt8]) -> [String] {
  var problems: [String] = []
  var expected: UInt32 = 0
  for index in 0..<table.count {
    if table.leadingStarts[index] != expected {
      problems.append("token \(index) starts at \(table.leadingStarts[index]), expected \(expected)")
      break
    }
    if !(table.leadingStarts[index] <= table.textStarts[index] && table.textStarts[index] <= table.textEnds[index]) {
      problems.append("token \(index) has inverted ranges")
      break
    }
    if table.kinds[index].isZeroWidth && table.textStarts[index] != table.textEnds[index] {
      problems.append("zero-width token \(index) (\(table.kinds[index])) has text")
    }
    expected = table.trailingTriviaRange(UInt32(index)).upperBound
  }
  if problems.isEmpty && expected != UInt32(bytes.count) { problems.append("tokens end at \(expected), source has \(bytes.count)") }
  if table.sourceLength != UInt32(bytes.count) { problems.append("sourceLength \(table.sourceLength) != \(bytes.count)") }
  if table.count == 0 || table.kinds[table.count - 1] != .endOfFile { problems.append("no end-of-file token") }
  else if table.kinds[..<(table.count - 1)].contains(.endOfFile) { problems.append("end-of-file token before the end") }
  return problems
}

/// Lexes `bytes` and asserts that the tokens tile them.
@discardableResult
func lex(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) -> LexedSource {
  let source = SourceBuffer(bytes)
  let (table, diagnostics) = Lexer.tokenize(source)
  XCTAssertEqual(tilingProblems(table, bytes), [], "tiling", file: file, line: line)
  return LexedSource(source: source, table: table, diagnostics: diagnostics)
}

@discardableResult
func lex(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> LexedSource {
  lex(Array(text.utf8), file: file, line: line)
}

/// Asserts the (kind, text) pairs of `text`'s tokens (all of them, layout included, unless
/// `significantOnly`) and that it lexes without diagnostics unless `diagnostics` lists them.
func assertTokens(
  _ text: String, _ expected: [(TokenKind, String)], significantOnly: Bool = false, diagnostics: [String] = [],
  file: StaticString = #filePath, line: UInt = #line
) {
  let lexed = lex(text, file: file, line: line)
  let actual = significantOnly ? lexed.significantTokens : lexed.tokens
  let render = { (tokens: [(TokenKind, String)]) in tokens.map { "\($0.0) \($0.1.debugDescription)" } }
  XCTAssertEqual(render(actual), render(expected), "tokens of \(text.debugDescription)", file: file, line: line)
  XCTAssertEqual(lexed.messages, diagnostics, "diagnostics of \(text.debugDescription)", file: file, line: line)
}
