import XCTest

@testable import PythonSyntax

/// `match` statements and their patterns: shapes follow CPython's `ast` pattern classes, and
/// positions match CPython 3.13's for the same source.
final class PatternTests: XCTestCase {
  /// The S-expression of the first case's pattern in `match x:\n    case <pattern>: pass\n`.
  private func assertPattern(_ pattern: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line)
  {
    let tree = assertParse("match x:\n    case \(pattern): pass\n", file: file, line: line)
    guard let match = tree.root.descendantsAndSelf.compactMap(MatchSyntax.init).first else {
      XCTFail("no match statement: \(sExpression(tree))", file: file, line: line)
      return
    }
    XCTAssertEqual(match.cases.first.map { sExpression($0.pattern) }, expected, file: file, line: line)
  }

  func testMatchStatementShape() {
    let source = "1️⃣match command.split():\n    2️⃣case [action]:\n        pass\n    3️⃣case _:\n        pass\n"
    let tree = assertParse(source, nodes: ["1️⃣": .matchStatement, "2️⃣": .matchCase, "3️⃣": .matchCase])
    XCTAssertEqual(
      sExpression(tree),
      "Module(Match(Call(Attribute(Name) ArgumentList) "
        + "match_case(MatchSequence(MatchAs) Block(Pass)) match_case(MatchAs Block(Pass))))"
    )
    let match = MatchSyntax(tree.root.child(at: 0)!)!
    XCTAssertEqual(match.subject.text, "command.split()")
    XCTAssertEqual(match.cases.count, 2)
    XCTAssertNil(match.cases[0].guardExpression)
    XCTAssertEqual(match.cases[1].body?.statements.map(\.kind), [.passStatement])
  }

  func testSubjects() {
    assertShape(
      "match a, *b:\n    case _: pass\n", "Module(Match(Tuple(Name Starred(Name)) match_case(MatchAs Block(Pass))))")
    assertShape(
      "match w := x,:\n    case _: pass\n", "Module(Match(Tuple(NamedExpr(Name Name)) match_case(MatchAs Block(Pass))))"
    )
    assertShape(
      "match x := f():\n    case _: pass\n",
      "Module(Match(NamedExpr(Name Call(Name ArgumentList)) match_case(MatchAs Block(Pass))))")
    assertShape("match -x:\n    case _: pass\n", "Module(Match(UnaryOp(Name) match_case(MatchAs Block(Pass))))")
    assertShape("match (x):\n    case _: pass\n", "Module(Match(Parenthesized(Name) match_case(MatchAs Block(Pass))))")
    assertShape("match [x]:\n    case _: pass\n", "Module(Match(List(Name) match_case(MatchAs Block(Pass))))")
  }

  func testLiteralPatterns() {
    assertPattern("1", "MatchValue(Constant)")
    assertPattern("-1", "MatchValue(UnaryOp(Constant))")
    assertPattern("1.5", "MatchValue(Constant)")
    assertPattern("-1+2j", "MatchValue(BinOp(UnaryOp(Constant) Constant))")
    assertPattern("3 - 4j", "MatchValue(BinOp(Constant Constant))")
    assertPattern("'a' \"b\"", "MatchValue(Constant)")
    assertPattern("b'x'", "MatchValue(Constant)")
    assertPattern("None", "MatchSingleton")
    assertPattern("True", "MatchSingleton")
    assertPattern("False", "MatchSingleton")
  }

  func testCaptureWildcardAndValuePatterns() {
    assertPattern("x", "MatchAs")
    assertPattern("_", "MatchAs")
    assertPattern("Color.RED", "MatchValue(Attribute(Name))")
    assertPattern("a.b.c", "MatchValue(Attribute(Attribute(Name)))")
    assertPattern("_.x", "MatchValue(Attribute(Name))")
    assertPattern("case", "MatchAs")
    assertPattern("match", "MatchAs")
  }

  func testSequencePatterns() {
    assertPattern("[]", "MatchSequence")
    assertPattern("()", "MatchSequence")
    assertPattern("[a, *rest]", "MatchSequence(MatchAs MatchStar)")
    assertPattern("(a, b,)", "MatchSequence(MatchAs MatchAs)")
    assertPattern("(a,)", "MatchSequence(MatchAs)")
    assertPattern("a, *_", "MatchSequence(MatchAs MatchStar)")
    assertPattern("*rest, last", "MatchSequence(MatchStar MatchAs)")
    assertPattern("a,", "MatchSequence(MatchAs)")
    assertPattern("(a)", "ParenthesizedPattern(MatchAs)")
    assertPattern(
      "[[1, 2], (3, [4])]",
      "MatchSequence(MatchSequence(MatchValue(Constant) MatchValue(Constant)) "
        + "MatchSequence(MatchValue(Constant) MatchSequence(MatchValue(Constant))))"
    )
  }

  func testMappingPatterns() {
    assertPattern("{}", "MatchMapping")
    assertPattern(
      "{'a': 1, 2: x, **rest}",
      "MatchMapping(MappingPatternEntry(Constant MatchValue(Constant)) "
        + "MappingPatternEntry(Constant MatchAs) MappingPatternEntry)"
    )
    assertPattern(
      "{Key.A: _, None: y, -1: z}",
      "MatchMapping(MappingPatternEntry(Attribute(Name) MatchAs) "
        + "MappingPatternEntry(Constant MatchAs) MappingPatternEntry(UnaryOp(Constant) MatchAs))"
    )
  }

  func testClassPatterns() {
    assertPattern("Point()", "MatchClass(Name)")
    assertPattern("Point(x, y=0)", "MatchClass(Name MatchAs KeywordPattern(MatchValue(Constant)))")
    assertPattern("mod.Point(x=[a, b],)", "MatchClass(Attribute(Name) KeywordPattern(MatchSequence(MatchAs MatchAs)))")
    assertPattern("int() | str()", "MatchOr(MatchClass(Name) MatchClass(Name))")
  }

  func testOrAsAndGuards() {
    assertPattern("1 | 2 | 3", "MatchOr(MatchValue(Constant) MatchValue(Constant) MatchValue(Constant))")
    assertPattern("[x] as y", "MatchAs(MatchSequence(MatchAs))")
    assertPattern("(1 | 2) as n", "MatchAs(ParenthesizedPattern(MatchOr(MatchValue(Constant) MatchValue(Constant))))")
    assertPattern("a as b, c", "MatchSequence(MatchAs(MatchAs) MatchAs)")
    let tree = assertParse("match p:\n    case Point(x=0) if x > 0 and y:\n        pass\n")
    let match = tree.root.descendantsAndSelf.compactMap(MatchSyntax.init).first!
    XCTAssertEqual(match.cases[0].guardExpression?.text, "x > 0 and y")
    XCTAssertEqual(match.cases[0].pattern.kind, .matchClass)
  }

  func testPatternPositions() {
    // Taken from CPython 3.13's ast for the same lines.
    assertSpan("match x:\n    case 1️⃣{1: a, **r}2️⃣: pass\n", .matchMapping)
    assertSpan("match x:\n    case 1️⃣C(1, k=v) | [a, *_] as z2️⃣ if z: pass\n", .matchAs)
    assertSpan("match x:\n    case 1️⃣C(1, k=v) | [a, *_]2️⃣ as z if z: pass\n", .matchOr)
    assertSpan("match x:\n    case 1️⃣C(1, k=v)2️⃣ | [a, *_] as z if z: pass\n", .matchClass)
    assertSpan("match x:\n    case C(1, k=v) | [a, 1️⃣*_2️⃣] as z if z: pass\n", .matchStar)
    assertSpan("match x:\n    case 1️⃣-1+2j2️⃣: pass\n", .matchValue)
    assertSpan("match x:\n    case 1️⃣a, b2️⃣: pass\n", .matchSequence)
    assertSpan("match x:\n    case 1️⃣None2️⃣: pass\n", .matchSingleton)
  }

  func testNestedMatchAndNamesCalledMatch() {
    let source = """
      match = re.match(p, s)
      match match:
          case None:
              match.x = 1
          case [case, *match]:
              match case:
                  case _: pass

      """
    let tree = assertParse(source)
    XCTAssertEqual(tree.root.descendantsAndSelf.filter { $0.kind == .matchStatement }.count, 2)
    XCTAssertEqual(ModuleSyntax(tree.root)?.statements.map(\.kind), [.assignment, .matchStatement])
  }
}
