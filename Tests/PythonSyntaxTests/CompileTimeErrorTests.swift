import XCTest

@testable import PythonSyntax

/// Errors CPython finds after parsing proper — when it decodes a literal or counts indentation —
/// are syntax errors all the same, so a file with them is not valid here either. Each message
/// and column was taken from python3.13 (`ast.parse`).
final class CompileTimeErrorTests: XCTestCase {
  private func unicodeError(_ positions: String, _ reason: String) -> String {
    "(unicode error) 'unicodeescape' codec can't decode bytes in position \(positions): \(reason)"
  }

  func testUndecodableEscapesInStrings() {
    assertParse("x = 1️⃣'\\u'\n", diagnostics: ["1️⃣": unicodeError("0-1", "truncated \\uXXXX escape")])
    assertParse("x = 1️⃣'\\x1'\n", diagnostics: ["1️⃣": unicodeError("0-2", "truncated \\xXX escape")])
    assertParse("x = 1️⃣'abc\\U00110000'\n", diagnostics: ["1️⃣": unicodeError("3-12", "illegal Unicode character")])
    assertParse("x = 1️⃣'\\N'\n", diagnostics: ["1️⃣": unicodeError("0-1", "malformed \\N character escape")])
    assertParse("x = 1️⃣'\\N{}'\n", diagnostics: ["1️⃣": unicodeError("0-2", "malformed \\N character escape")])
    assertParse("x = 1️⃣'\\N{foo'\n", diagnostics: ["1️⃣": unicodeError("0-5", "malformed \\N character escape")])
    assertParse("x = 1️⃣b'\\x1'\n", diagnostics: ["1️⃣": "(value error) invalid \\x escape at position 0"])
    assertParse("x = 1️⃣b'é'\n", diagnostics: ["1️⃣": "bytes can only contain ASCII literal characters"])
    assertParse("x = f'1️⃣\\x1'\n", diagnostics: ["1️⃣": unicodeError("0-2", "truncated \\xXX escape")])
  }

  func testEscapesCPythonAccepts() {
    for source in [
      "x = b'\\u1234'\n", "x = rb'\\x1'\n", "x = r'\\u'\n", "x = rf'\\x1{y}'\n", "x = '\\N{LATIN SMALL LETTER A}'\n",
      "x = '\\q'\n", "x = '\\\\x'\n", "x = u'\\u00e9\\U0001F600\\x41\\101\\n'\n", "x = '''\\x41\n\\u0041'''\n",
      "x = 'a\\\nb'\n", "x = f'{y!r:>{w}}\\t'\n",
    ] {
      assertParse(source)
    }
  }

  func testConversionCharacter() {
    assertParse(
      "x = f'{y!1️⃣z}'\n", diagnostics: ["1️⃣": "f-string: invalid conversion character 'z': expected 's', 'r', or 'a'"])
    assertParse(
      "x = f'{y!1️⃣sr}'\n", diagnostics: ["1️⃣": "f-string: invalid conversion character 'sr': expected 's', 'r', or 'a'"])
    assertParse("x = f'{y!s}{y!r}{y!a}'\n")
  }

  func testDictionaryKeyCannotBeAWalrusOrStarred() {
    assertParse("x = {y := 11️⃣: 2}\n", diagnostics: ["1️⃣": "invalid syntax"])
    assertParse("x = {(y := 1): 2}\n")
    assertParse("x = {y := 1}\n")
  }

  func testStarPatternOnlyInsideASequence() {
    assertParse("match x:\n    case *a1️⃣:\n        pass\n", diagnostics: ["1️⃣": "invalid syntax"])
    assertParse("match x:\n    case *a, b:\n        pass\n    case [*a]:\n        pass\n    case (*a,):\n        pass\n")
  }

  func testIndentationDepthLimit() {
    let ok = (0..<99).map { String(repeating: " ", count: $0) + "if 1:\n" }.joined() + String(repeating: " ", count: 99) + "pass\n"
    assertParse(ok)
    let deep = (0..<101).map { String(repeating: " ", count: $0) + "if 1:\n" }.joined() + String(repeating: " ", count: 101) + "pass\n"
    let tree = SyntaxTree.parse(deep)
    XCTAssertEqual(tree.printed(), Array(deep.utf8))
    XCTAssertEqual(tree.diagnostics.map(\.message), ["too many levels of indentation"])
    XCTAssertEqual(tree.source.location(of: tree.diagnostics[0].offset).line, 101)
  }
}
