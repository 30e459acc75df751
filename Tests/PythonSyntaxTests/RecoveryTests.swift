import XCTest

@testable import PythonSyntax

/// Statement-level error recovery: CPython's messages at CPython's places, the parser resuming
/// at the next statement, and every input — however broken — giving a module that prints back
/// byte for byte with a sound tree.
final class RecoveryTests: XCTestCase {
  // MARK: Headers and blocks

  func testMissingColon() {
    let tree = assertParse("if x1️⃣\n    a\n    b\nc\n", diagnostics: ["1️⃣": "expected ':'"])
    XCTAssertEqual(sExpression(tree), "Module(If(Name Block(Expr(Name) Expr(Name))) Expr(Name))")
    assertParse("while x1️⃣\n  pass\n", diagnostics: ["1️⃣": "expected ':'"])
    assertParse("def f()1️⃣\n    pass\n", diagnostics: ["1️⃣": "expected ':'"])
    assertParse("for x 1️⃣y:\n    pass\n", diagnostics: ["1️⃣": "invalid syntax"])
    assertParse("with a as b 1️⃣c:\n    pass\n", diagnostics: ["1️⃣": "expected ':'"])
    let extra = assertParse("if x 1️⃣y:\n    pass\n", diagnostics: ["1️⃣": "expected ':'"])
    XCTAssertEqual(sExpression(extra), "Module(If(Name ErrorExpression Block(Pass)))")
  }

  /// A cascade of errors on one line is one diagnostic, CPython's first; errors on separate
  /// lines stay separate.
  func testOneDiagnosticPerLine() {
    assertParse("def 1️⃣(\n", diagnostics: ["1️⃣": "invalid syntax"])
    assertParse("def f(1️⃣:\n    pass\n", diagnostics: ["1️⃣": "expected parameter"])
    assertParse("x = 1️⃣(1,\n", diagnostics: ["1️⃣": "'(' was never closed"])
    assertParse("x = 1️⃣)\ny = (2️⃣]\n", diagnostics: ["1️⃣": "expected expression", "2️⃣": "expected expression"])
  }

  /// A backslash continuation inside a line's indentation: the first one after some indentation
  /// fixes the line's column; one at column 0 lets the count go on over the next line (each case
  /// checked against python3.13's ast).
  func testBackslashContinuationInIndentation() {
    let inside = "Module(If(Constant Block(Expr(Name) Expr(Name))))"
    let outside = "Module(If(Constant Block(Expr(Name))) Expr(Name))"
    XCTAssertEqual(sExpression(assertParse("if 1:\n  x\n\\\n  y\n")), inside)
    XCTAssertEqual(sExpression(assertParse("if 1:\n  x\n\\\n\\\n  y\n")), inside)
    XCTAssertEqual(sExpression(assertParse("if 1:\n  x\n  \\\ny\n")), inside)
    XCTAssertEqual(sExpression(assertParse("if 1:\n  x\n\\\n  \\\n    y\n")), inside)
    XCTAssertEqual(sExpression(assertParse("if 1:\n  x\n\\\ny\n")), outside)
    assertParse("if 1:\n  x\n\\\n    1️⃣y\n", diagnostics: ["1️⃣": "unexpected indent"])
  }

  func testMissingIndentedBlock() {
    assertParse("if x:\n1️⃣pass\n", diagnostics: ["1️⃣": "expected an indented block after 'if' statement on line 1"])
    assertParse(
      "x = 1\nfor a in b:\n1️⃣y\n", diagnostics: ["1️⃣": "expected an indented block after 'for' statement on line 2"])
    assertParse("def f():\n1️⃣", diagnostics: ["1️⃣": "expected an indented block after function definition on line 1"])
    assertParse("class C:\n1️⃣x\n", diagnostics: ["1️⃣": "expected an indented block after class definition on line 1"])
    assertParse(
      "try:\n    a\nexcept E:\n1️⃣b\n",
      diagnostics: ["1️⃣": "expected an indented block after 'except' statement on line 3"])
    assertParse("match x:\n1️⃣pass\n", diagnostics: ["1️⃣": "expected an indented block after 'match' statement on line 1"])
    assertParse(
      "match x:\n    case 1:\n    1️⃣pass\n",
      diagnostics: ["1️⃣": "expected an indented block after 'case' statement on line 2"])
    // After a DEDENT, CPython points at the next real token, not at the start of the blank line.
    assertParse(
      "class C:\n    for v in x:\n\n# c\n1️⃣def f(): pass\n",
      diagnostics: ["1️⃣": "expected an indented block after 'for' statement on line 2"])
    assertParse("if a:\n    try:\n        pass\n\n1️⃣b\n", diagnostics: ["1️⃣": "expected 'except' or 'finally' block"])
    let tree = assertParse("if x:\n1️⃣pass\n", diagnostics: ["1️⃣": "indented block"])
    XCTAssertEqual(sExpression(tree), "Module(If(Name Block) Pass)")
  }

  func testDefinitionHeaders() {
    assertParse("def f1️⃣:\n  pass\n", diagnostics: ["1️⃣": "expected '('"])
    assertParse("def1️⃣\n", diagnostics: ["1️⃣": "invalid syntax"])
    assertParse("class1️⃣:\n  pass\n", diagnostics: ["1️⃣": "invalid syntax"])
    assertParse("type X[1️⃣] = int\n", diagnostics: ["1️⃣": "Type parameter list cannot be empty"])
    let decorated = assertParse("@d\n1️⃣x = 1\n", diagnostics: ["1️⃣": "invalid syntax"])
    XCTAssertEqual(sExpression(decorated), "Module(ErrorStatement(Decorator(Name) Assign(Name Constant)))")
    let lone = assertParse("@1️⃣\n", diagnostics: ["1️⃣": "expected expression"])
    XCTAssertEqual(sExpression(lone), "Module(ErrorStatement(Decorator(ErrorExpression)))")
  }

  func testUnexpectedIndent() {
    let tree = assertParse("a\n    1️⃣b\n    c\nd\n", diagnostics: ["1️⃣": "unexpected indent"])
    XCTAssertEqual(sExpression(tree), "Module(Expr(Name) ErrorStatement(Expr(Name) Expr(Name)) Expr(Name))")
    assertParse("  1️⃣x = 1\n", diagnostics: ["1️⃣": "unexpected indent"])
    let nested = assertParse("if x:\n    a\n        1️⃣b\n    c\n", diagnostics: ["1️⃣": "unexpected indent"])
    XCTAssertEqual(sExpression(nested), "Module(If(Name Block(Expr(Name) ErrorStatement(Expr(Name)) Expr(Name))))")
  }

  func testOrphanClauses() {
    let tree = assertParse("1️⃣else:\n    pass\nx\n", diagnostics: ["1️⃣": "invalid syntax"])
    XCTAssertEqual(sExpression(tree), "Module(ErrorStatement(Block(Pass)) Expr(Name))")
    assertParse("1️⃣elif y:\n    pass\n", diagnostics: ["1️⃣": "invalid syntax"])
    assertParse("1️⃣except E as e:\n    pass\n", diagnostics: ["1️⃣": "invalid syntax"])
    assertParse("1️⃣finally: pass\n", diagnostics: ["1️⃣": "invalid syntax"])
  }

  func testTryErrors() {
    let tree = assertParse("try:\n  pass\n1️⃣", diagnostics: ["1️⃣": "expected 'except' or 'finally' block"])
    XCTAssertEqual(sExpression(tree), "Module(Try(Block(Pass)))")
    assertParse("try:\n  pass\nexcept* 1️⃣:\n  pass\n", diagnostics: ["1️⃣": "expected one or more exception types"])
    assertParse(
      "try:\n pass\nexcept 1️⃣A, B as e:\n pass\n",
      diagnostics: ["1️⃣": "multiple exception types must be parenthesized when using 'as'"])
    assertParse(
      "try:\n pass\nexcept A:\n pass\n1️⃣except* B:\n pass\n",
      diagnostics: ["1️⃣": "cannot have both 'except' and 'except*' on the same 'try'"])
  }

  // MARK: Simple statements

  func testRestOfLineBecomesErrorStatement() {
    let tree = assertParse("x = 1 1️⃣2 3\ny\n", diagnostics: ["1️⃣": "invalid syntax"])
    XCTAssertEqual(sExpression(tree), "Module(Assign(Name Constant) ErrorStatement Expr(Name))")
    assertParse("x: int = 1 1️⃣= 2\n", diagnostics: ["1️⃣": "invalid syntax"])
    assertParse("global 1️⃣1\n", diagnostics: ["1️⃣": "invalid syntax"])
    assertParse("1️⃣async\n", diagnostics: ["1️⃣": "invalid syntax"])
    assertParse("1️⃣) = 1\n", diagnostics: ["1️⃣": "invalid syntax"])
    // Text the lexer rejected is reported once, by the lexer.
    assertParse("x = 1 1️⃣$\n", diagnostics: ["1️⃣": "invalid syntax"])
    assertParse("1️⃣€ = 1\n", diagnostics: ["1️⃣": "invalid character"])
    let compound = assertParse("if x: 1️⃣for y in z: pass\n", diagnostics: ["1️⃣": "invalid syntax"])
    XCTAssertEqual(sExpression(compound), "Module(If(Name Block(ErrorStatement)))")
  }

  func testMissingExpressions() {
    assertParse("x = 1️⃣\n", diagnostics: ["1️⃣": "expected expression"])
    assertParse("if 1️⃣:\n    pass\n", diagnostics: ["1️⃣": "expected expression"])
    assertParse("assert 1️⃣\n", diagnostics: ["1️⃣": "expected expression"])
    assertParse("raise E from 1️⃣\n", diagnostics: ["1️⃣": "expected expression"])
    assertParse("import1️⃣\n", diagnostics: ["1️⃣": "Expected one or more names after 'import'"])
    assertParse("from x import1️⃣\n", diagnostics: ["1️⃣": "Expected one or more names after 'import'"])
    assertParse("from x import a,1️⃣\n", diagnostics: ["1️⃣": "trailing comma not allowed without surrounding parentheses"])
    let tree = assertParse("while 1️⃣:\n    pass\n", diagnostics: ["1️⃣": "expected expression"])
    XCTAssertEqual(WhileSyntax(tree.root.child(at: 0)!)?.condition.kind, .errorExpression)
  }

  func testInvalidTargets() {
    assertParse("1️⃣f() = 1\n", diagnostics: ["1️⃣": "cannot assign to function call"])
    assertParse("1️⃣a, b: int\n", diagnostics: ["1️⃣": "only single target (not tuple) can be annotated"])
    assertParse("1️⃣[a]: int\n", diagnostics: ["1️⃣": "only single target (not list) can be annotated"])
    assertParse("1️⃣f(): int\n", diagnostics: ["1️⃣": "illegal target for annotation"])
    assertParse("1️⃣(a, b) += 1\n", diagnostics: ["1️⃣": "'tuple' is an illegal expression for augmented assignment"])
    assertParse("del a, 1️⃣*b\n", diagnostics: ["1️⃣": "cannot delete starred"])
    assertParse("del 1️⃣f()\n", diagnostics: ["1️⃣": "cannot delete function call"])
    assertParse("class C1️⃣(x for x in y): pass\n", diagnostics: ["1️⃣": "invalid syntax"])
    assertParse("class C((x for x in y)): pass\n")
  }

  func testPatternErrors() {
    assertParse("match x:\n    1️⃣y\n", diagnostics: ["1️⃣": "invalid syntax"])
    assertParse(
      "match x:\n case {1️⃣a: 1}: pass\n",
      diagnostics: ["1️⃣": "mapping pattern keys may only match literals and attribute lookups"])
    assertParse("match x:\n case C(a=1, 1️⃣b): pass\n", diagnostics: ["1️⃣": "positional patterns follow keyword patterns"])
    assertParse("match x:\n case 1+1️⃣2: pass\n", diagnostics: ["1️⃣": "imaginary number required in complex literal"])
    assertParse("match x:\n case a as 1️⃣_: pass\n", diagnostics: ["1️⃣": "cannot use '_' as a target"])
    assertParse(
      "match x:\n case 1️⃣f'{a}': pass\n", diagnostics: ["1️⃣": "patterns may only match literals and attribute lookups"])
  }

  // MARK: Any input

  /// Inputs that stress recovery; each must give a module that prints back exactly.
  static let brokenInputs: [String] = [
    "", "\n", "\r\n", "\\", "\\\n", ";", ";;", ":", "::\n", "def", "def\n", "def f", "def f(", "def f(:", "class",
    "class:", "class:\n", "class C(:\n  pass\n", "if", "if\n", "if x", "if x:", "if x:\n", "if x: if y: pass\n",
    "elif", "else", "else:", "except", "finally:", "try", "try:", "try:\n", "while", "for", "for x", "for x in",
    "for x in y", "with", "with (", "with (a as", "with (a as b", "with a as", "@", "@\n", "@d", "@d\n", "@d\n@",
    "async", "async\n", "async x", "async def", "async for", "async with", "await", "yield", "lambda", "lambda:",
    "match", "match x", "match x:", "match x:\n", "match x:\n    case", "match x:\n    case:", "match x:\n    case (",
    "match x:\n    case {", "match x:\n    case [*", "match x:\n    case C(a=", "match x:\n    case 1 |",
    "match x:\n    case -", "match x:\n    case 1 +", "match x:\n    case {**", "type", "type X", "type X[",
    "type X[T", "type X = ", "import", "import .", "import a.", "from", "from .", "from . import", "from x import (",
    "from x import (a", "global", "nonlocal ,", "del", "del *", "assert", "raise from", "return return",
    "x = = 1", "x += ", "x: ", "(", ")", "[", "]", "{", "}", "((((", "))))", "f(a, b", "f(a,, b)", "\"unterminated",
    "'''unterminated", "f'{", "f'{x", "t'{x!r:", "$", "?", "`", "\u{0}", "x = 1\n    y = 2\n  z = 3\n",
    "if x:\n        a\n    b\n", "if x:\n\tpass\n        pass\n", "  \n  x\n", "\u{0C}x\n",
    "if x:\n    pass\n  else:\n",
    "def f():\n    return\n  x\n", "class C:\n    def f(self):\n        pass\n   x = 1\n", "else:\n    pass\nelse:\n",
    "x = (\n", "x = [1,\n2,\n", "try:\n    pass\nexcept\n", "with a as b c:\n    pass\n", "for in:\n    pass\n",
    "case 1:\n    pass\n", "match x:\n    pass\n", "match x:\n    case 1: pass\n  case 2: pass\n",
    "@property\n\ndef\n", "async\ndef f(): pass\n", "if x:\r\n\tpass\r\n  \tpass\r\n", "x = 1;;\n",
    "from __future__ import braces\nif x {\n}\n", "print 'hello'\n", "exec 'code'\n", "def f(*, **k): pass\n",
    "class C(metaclass=M, *b): pass\n", "x = yield = 1\n", "del f()\n", "for f() in x: pass\n",
    "with a as f(): pass\n", "except* :\n", "try:\n    pass\nexcept* A:\n    pass\nexcept B:\n    pass\n",
  ]

  func testBrokenInputsKeepEveryByte() {
    for input in Self.brokenInputs {
      checkLosslessModule(Array(input.utf8), input.debugDescription)
    }
  }

  /// Truncations and single-byte deletions of a valid program: every prefix and every damaged
  /// variant must still print back exactly.
  func testDamagedProgramsKeepEveryByte() {
    let program = """
      import asyncio as aio
      from .x import (a as b, c)

      @decorator(1)
      async def main[T](x: int = 1, *args, **kw) -> None:
          \"\"\"Doc.\"\"\"
          async with lock as held, (other):
              while True:
                  try:
                      await aio.sleep_ms(10); x += 1
                  except* (ValueError, KeyError) as e:
                      raise RuntimeError from e
                  else:
                      pass
                  finally:
                      del x
          match command:
              case [Point(x=0, y=y) as p, *rest] | {'k': 1, **kw} if y > 0:
                  return -1+2j
              case _:
                  type Alias[K] = dict[K, int]
      class C(Base, metaclass=M):
          x: int = 1
          for i in range(3): print(i, end=''); continue
      """
    let bytes = Array(program.utf8)
    for end in 0...bytes.count {
      checkLosslessModule(Array(bytes[0..<end]), "prefix \(end)")
    }
    for index in 0..<bytes.count {
      var damaged = bytes
      damaged.remove(at: index)
      checkLosslessModule(damaged, "without byte \(index)")
    }
    let inserts: [UInt8] = Array("([{:)]}@\n\t ;=,*".utf8)
    for index in stride(from: 0, to: bytes.count, by: 3) {
      var damaged = bytes
      damaged.insert(inserts[index % inserts.count], at: index)
      checkLosslessModule(damaged, "with byte inserted at \(index)")
    }
  }

  /// Random bytes and random sequences of Python tokens (a fixed seed, so failures reproduce).
  func testRandomInputsKeepEveryByte() {
    var generator = SeededGenerator(seed: 0x5EED)
    for round in 0..<300 {
      let length = Int.random(in: 0...200, using: &generator)
      let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
      checkLosslessModule(bytes, "random bytes round \(round)")
    }
    let pieces = [
      "if", "elif", "else", "while", "for", "in", "try", "except", "finally", "with", "as", "def", "class", "async",
      "await", "return", "yield", "match", "case", "type", "_", "x", "1", "'s'", "f'{x}'", "(", ")", "[", "]", "{",
      "}", ":", ";", ",", ".", "*", "**", "=", "+=", "->", "@", "|", "\n", "\n    ", "\n        ", "\n  ", " ", "\\\n",
      "lambda", "not", "and", "import", "from", "pass", "del", "global", ":=", "#c\n",
    ]
    for round in 0..<500 {
      let count = Int.random(in: 1...60, using: &generator)
      let text = (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
      checkLosslessModule(Array(text.utf8), "random tokens round \(round): \(text.debugDescription)")
    }
  }

  func testDeepNestingDoesNotOverflow() {
    var nested = ""
    for depth in 0..<300 {
      nested += String(repeating: " ", count: depth) + "if x:\n"
    }
    nested += String(repeating: " ", count: 300) + "pass\n"
    checkLosslessModule(Array(nested.utf8), "300 nested ifs")
    let decorators = String(repeating: "@d\n", count: 5000) + "def f(): pass\n"
    checkLosslessModule(Array(decorators.utf8), "5000 decorators")
    let patterns =
      "match x:\n    case " + String(repeating: "[", count: 1000) + String(repeating: "]", count: 1000) + ": pass\n"
    checkLosslessModule(Array(patterns.utf8), "1000 nested sequence patterns")
    let statements = String(repeating: "x = 1; ", count: 20000) + "\n"
    checkLosslessModule(Array(statements.utf8), "20000 statements on a line")
  }

  // MARK: Helpers

  private func checkLosslessModule(
    _ bytes: [UInt8], _ label: String, file: StaticString = #filePath, line: UInt = #line
  ) {
    let tree = SyntaxTree.parse(SourceBuffer(bytes))
    XCTAssertEqual(tree.printed(), bytes, "round trip: \(label)", file: file, line: line)
    XCTAssertEqual(tree.validateStructure(), [], "structure: \(label)", file: file, line: line)
    XCTAssertEqual(tree.root.kind, .module, label, file: file, line: line)
  }
}

/// A small deterministic random number generator (SplitMix64) for reproducible fuzzing.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }
}
