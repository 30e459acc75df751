import Foundation
import XCTest

@testable import PythonSyntax

/// Errors in expressions: what is reported, where, and that the tree still keeps every byte and
/// stays well formed (`assertParse` checks both).
final class ExpressionErrorTests: XCTestCase {
  // MARK: Missing expressions

  func testMissingOperandIsAnEmptyErrorExpression() {
    let tree = assertParse("x = 1 +1️⃣\n", nodes: [:], diagnostics: ["1️⃣": "expected expression"])
    XCTAssertEqual(sExpression(tree), "Module(Assign(Name BinOp(Constant ErrorExpression)))")
    let error = tree.root.descendantsAndSelf.first { $0.kind == .errorExpression }!
    XCTAssertTrue(error.isEmpty)
  }

  func testMissingExpressionsInBrackets() {
    assertParse("f(a, *1️⃣)\n", diagnostics: ["1️⃣": "expected expression"])
    assertParse("a[1️⃣]\n", diagnostics: ["1️⃣": "expected expression"])
    assertParse("(1 +1️⃣)\n", diagnostics: ["1️⃣": "expected expression"])
    assertParse("x = [1, 2 *1️⃣]\n", diagnostics: ["1️⃣": "expected expression"])
    assertParse("f'{1️⃣}'\n", diagnostics: ["1️⃣": "valid expression required before '}'"])
  }

  func testGarbageTokenIsKeptInsideTheErrorExpression() {
    let tree = assertParse("x = 1 + 1️⃣$\n", diagnostics: ["1️⃣": "invalid syntax"])
    let error = tree.root.descendantsAndSelf.first { $0.kind == .errorExpression }!
    XCTAssertEqual(error.text, "$")
  }

  // MARK: Operators

  func testConditionalWithoutElse() {
    assertParse("x = a 1️⃣if b2️⃣\n", diagnostics: ["2️⃣": "expected 'else' after 'if' expression"])
  }

  func testMisplacedOperands() {
    assertParse("x = a + 1️⃣not b\n", diagnostics: ["1️⃣": "'not' must be parenthesized"])
    assertParse("x = a + 1️⃣*b\n", diagnostics: ["1️⃣": "cannot use starred expression here"])
    assertParse("x = 1 + 1️⃣lambda: 2\n", diagnostics: ["1️⃣": "lambda must be parenthesized"])
    assertParse("x = await 1️⃣await y\n", diagnostics: ["1️⃣": "expected expression"])
    assertParse("x = 1 1️⃣<> 2\n", diagnostics: ["1️⃣": "'<>'"])
  }

  func testInvalidNamedExpressionTarget() {
    let tree = assertParse("(1️⃣a.b := 1)\n", diagnostics: ["1️⃣": "cannot use assignment expressions with attribute"])
    XCTAssertEqual(sExpression(tree), "Module(Expr(Parenthesized(NamedExpr(Attribute(Name) Constant))))")
  }

  // MARK: Brackets

  func testMissingComma() {
    let tree = assertParse("f(a 1️⃣b)\n", diagnostics: ["1️⃣": "Perhaps you forgot a comma?"])
    XCTAssertEqual(sExpression(tree), "Module(Expr(Call(Name ArgumentList(Name Name))))")
    assertParse("[a 1️⃣b]\n", diagnostics: ["1️⃣": "Perhaps you forgot a comma?"])
    assertParse("(a 1️⃣b)\n", diagnostics: ["1️⃣": "Perhaps you forgot a comma?"])
  }

  func testUnexpectedTextBeforeTheCloserIsSkipped() {
    let tree = assertParse("f(a1️⃣; b)\n", diagnostics: ["1️⃣": "expected ')'"])
    XCTAssertEqual(tree.root.descendantsAndSelf.first { $0.kind == .errorExpression }?.text, "; b")
    XCTAssertEqual(sExpression(tree), "Module(Expr(Call(Name ArgumentList(Name ErrorExpression))))")
    // The statement after it parses normally.
    assertParse("f(a 1️⃣def)\n2️⃣y = 1\n", nodes: ["2️⃣": .assignment], diagnostics: ["1️⃣": "expected ')'"])
  }

  func testUnclosedBracketAtEndOfFile() {
    let tree = assertParse("x = 1️⃣(1, 2\n", diagnostics: ["1️⃣": "'(' was never closed"])
    XCTAssertEqual(tree.validateStructure(), [])
    assertParse("f1️⃣(a,\n", diagnostics: ["1️⃣": "'(' was never closed"])
    assertParse("x = 1️⃣[1,\n", diagnostics: ["1️⃣": "'[' was never closed"])
    assertParse("x = f(a, 1️⃣[b\n", diagnostics: ["1️⃣": "'[' was never closed"])
  }

  func testDictionaryErrors() {
    assertParse("{1: 2, 31️⃣}\n", diagnostics: ["1️⃣": "':' expected after dictionary key"])
  }

  func testComprehensionErrors() {
    assertParse("[1️⃣*a for a in b]\n", diagnostics: ["1️⃣": "iterable unpacking cannot be used in comprehension"])
    assertParse("[x for x 1️⃣y]\n", diagnostics: ["1️⃣": "expected 'in'"])
  }

  // MARK: Calls

  func testArgumentOrderErrors() {
    assertParse("f(a=1, 1️⃣b)\n", diagnostics: ["1️⃣": "positional argument follows keyword argument"])
    assertParse("f(**a, 1️⃣b)\n", diagnostics: ["1️⃣": "positional argument follows keyword argument unpacking"])
    assertParse(
      "f(**a, 1️⃣*b)\n", diagnostics: ["1️⃣": "iterable argument unpacking follows keyword argument unpacking"])
    assertParse("f(1️⃣a.b=1)\n", diagnostics: ["1️⃣": "expression cannot contain assignment"])
  }

  func testUnparenthesizedGenerators() {
    assertParse("f(a, 1️⃣x for x in y)\n", diagnostics: ["1️⃣": "Generator expression must be parenthesized"])
    assertParse("f(1️⃣x for x in y, )\n", diagnostics: ["1️⃣": "Generator expression must be parenthesized"])
  }

  // MARK: Parameters

  func testParameterOrderErrors() {
    assertParse(
      "def f(a=1, 1️⃣b): pass\n", diagnostics: ["1️⃣": "parameter without a default follows parameter with a default"])
    assertParse("def f(1️⃣*): pass\n", diagnostics: ["1️⃣": "named arguments must follow bare *"])
    assertParse("def f(1️⃣/, a): pass\n", diagnostics: ["1️⃣": "at least one argument must precede /"])
    assertParse("def f(a, /, b, 1️⃣/): pass\n", diagnostics: ["1️⃣": "/ may appear only once"])
    assertParse("def f(*a, 1️⃣/): pass\n", diagnostics: ["1️⃣": "/ must be ahead of *"])
    assertParse("def f(*a, 1️⃣*b): pass\n", diagnostics: ["1️⃣": "* argument may appear only once"])
    assertParse("def f(**k, 1️⃣a): pass\n", diagnostics: ["1️⃣": "arguments cannot follow var-keyword argument"])
    assertParse("def f(*a1️⃣=1): pass\n", diagnostics: ["1️⃣": "var-positional argument cannot have default value"])
    assertParse(
      "lambda a=1, 1️⃣b: 0\n", diagnostics: ["1️⃣": "parameter without a default follows parameter with a default"])
  }

  // MARK: Targets

  func testInvalidTargets() {
    assertParse("for 1️⃣1 in x: pass\n", diagnostics: ["1️⃣": "cannot assign to literal"])
    assertParse("for 1️⃣f() in x: pass\n", diagnostics: ["1️⃣": "cannot assign to function call"])
    assertParse("[x for 1️⃣a + b in c]\n", diagnostics: ["1️⃣": "cannot assign to expression"])
    assertParse("for a, (b, 1️⃣c()) in x: pass\n", diagnostics: ["1️⃣": "cannot assign to function call"])
    assertParse("with a as 1️⃣b(): pass\n", diagnostics: ["1️⃣": "cannot assign to function call"])
  }

  /// `del` targets, parsed directly (the statement parser decides whether to pass `deleting`).
  func testDeleteTargets() {
    func messages(_ text: String) -> [String] {
      let source = SourceBuffer(text)
      var parser = Parser(source: source, tokens: Lexer.tokenize(source).0)
      parser.parseStarTargets(deleting: true)
      return parser.diagnostics.map(\.message)
    }
    XCTAssertEqual(messages("a, b[0], c.d, (e, [f])\n"), [])
    XCTAssertEqual(messages("a, f()\n"), ["cannot delete function call"])
    XCTAssertEqual(messages("*a\n"), ["cannot delete starred"])
  }

  // MARK: Strings

  func testMixingBytesAndText() {
    assertParse("x = 1️⃣'a' b'b'\n", diagnostics: ["1️⃣": "cannot mix bytes and nonbytes literals"])
    assertParse("x = 1️⃣t'a' 'b'\n", diagnostics: ["1️⃣": "cannot mix t-string literals"])
  }

  func testFormattedStringErrors() {
    assertParse("f'{x!1️⃣}'\n", diagnostics: ["1️⃣": "missing conversion character"])
  }

  // MARK: Nesting

  /// 10,000 nested brackets neither overflow the stack nor lose a byte: past the limit, the rest of
  /// the group is one error expression.
  func testDeepNestingKeepsEveryByte() {
    for (open, close) in [("(", ")"), ("[", "]"), ("{", "}")] {
      let source =
        "x = " + String(repeating: open, count: 10_000) + "1" + String(repeating: close, count: 10_000) + "\n"
      let tree = SyntaxTree.parse(source)
      XCTAssertEqual(tree.printed(), Array(source.utf8))
      XCTAssertEqual(tree.validateStructure(), [])
      XCTAssertEqual(tree.diagnostics.count, 1, "\(tree.diagnostics)")
      XCTAssertTrue(tree.diagnostics[0].message.contains("too many nested"))
    }
  }

  func testDeepOperatorChainsKeepEveryByte() {
    let sources = [
      "x = " + String(repeating: "-", count: 10_000) + "1\n",
      "x = " + String(repeating: "not ", count: 10_000) + "1\n",
      "x = 1" + String(repeating: " ** 1", count: 10_000) + "\n",
      "x = " + String(repeating: "lambda: ", count: 10_000) + "1\n",
      "x = 1" + String(repeating: " if 1 else 1", count: 10_000) + "\n",
      "x = " + String(repeating: "f(", count: 10_000) + String(repeating: ")", count: 10_000) + "\n",
      "x = " + String(repeating: "f'{", count: 1_000) + String(repeating: "}'", count: 1_000) + "\n",
    ]
    for source in sources {
      let tree = SyntaxTree.parse(source)
      XCTAssertEqual(tree.printed(), Array(source.utf8), String(source.prefix(20)))
      XCTAssertEqual(tree.validateStructure(), [], String(source.prefix(20)))
      XCTAssertFalse(tree.diagnostics.isEmpty, String(source.prefix(20)))
    }
  }

  /// Long flat expressions are loops, not recursion: no limit, no error.
  func testLongFlatExpressionsAreFine() {
    let sum = "x = 1" + String(repeating: " + 1", count: 50_000) + "\n"
    XCTAssertEqual(SyntaxTree.parse(sum).diagnostics, [])
    let list = "x = [" + String(repeating: "1, ", count: 50_000) + "]\n"
    XCTAssertEqual(SyntaxTree.parse(list).diagnostics, [])
    let chain = "x = a" + String(repeating: ".b(c)[d]", count: 20_000) + "\n"
    XCTAssertEqual(SyntaxTree.parse(chain).diagnostics, [])
    let strings = "x = " + String(repeating: "'a' f'{b}' ", count: 20_000) + "\n"
    XCTAssertEqual(SyntaxTree.parse(strings).diagnostics, [])
  }

  /// The nesting limit bounds the stack: parsing the deepest input succeeds on a thread with
  /// 512 KiB of stack (a secondary thread's default on macOS) in release builds, whose frames are
  /// small (under 128 KiB are used); debug builds' frames are about ten times larger.
  func testDeepNestingOnASmallStack() {
    let source = "x = " + String(repeating: "(-[{f(a, ", count: 2_000) + "\n"
    let done = expectation(description: "parsed")
    let thread = Thread {
      let tree = SyntaxTree.parse(source)
      XCTAssertEqual(tree.printed(), Array(source.utf8))
      done.fulfill()
    }
    #if DEBUG
      thread.stackSize = 4 << 20
    #else
      thread.stackSize = 512 << 10
    #endif
    thread.start()
    wait(for: [done], timeout: 60)
  }
}
