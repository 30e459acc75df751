import XCTest

@testable import PythonSyntax

/// The shape of every expression form: which nodes, in which order, nested how. Positions are
/// checked in `ExpressionPositionTests`, errors in `ExpressionErrorTests`.
final class ExpressionTests: XCTestCase {
  // MARK: Atoms

  func testNamesAndConstants() {
    assertShape("x\n", "Module(Expr(Name))")
    assertShape("match\n", "Module(Expr(Name))")
    assertShape(
      "1, 2.5, 3j, True, False, None, ...\n",
      "Module(Expr(Tuple(Constant Constant Constant Constant Constant Constant Constant)))")
    assertParse("1️⃣x + 2️⃣1\n", nodes: ["1️⃣": .name, "2️⃣": .constant])
  }

  func testAdjacentStringsAreOneNode() {
    assertShape("'a' \"b\" '''c'''\n", "Module(Expr(Constant))")
    assertShape("b'a' rb'b'\n", "Module(Expr(Constant))")
    assertShape("'a' f'b{c}' 'd'\n", "Module(Expr(JoinedStr(FormattedValue(Name))))")
    assertShape("(\n  'a'\n  'b'\n)\n", "Module(Expr(Parenthesized(Constant)))")
  }

  func testFormattedStrings() {
    assertShape("f'{x}'\n", "Module(Expr(JoinedStr(FormattedValue(Name))))")
    assertShape("f'{x!r}'\n", "Module(Expr(JoinedStr(FormattedValue(Name))))")
    assertShape("f'{x=}'\n", "Module(Expr(JoinedStr(FormattedValue(Name))))")
    assertShape("f'{x:>10}'\n", "Module(Expr(JoinedStr(FormattedValue(Name FormatSpec))))")
    assertShape("f'{x:}'\n", "Module(Expr(JoinedStr(FormattedValue(Name FormatSpec))))")
    assertShape(
      "f'{x!r:>{w}.{p}}'\n",
      "Module(Expr(JoinedStr(FormattedValue(Name FormatSpec(FormattedValue(Name) FormattedValue(Name))))))")
    assertShape("f'{a + b} {c}'\n", "Module(Expr(JoinedStr(FormattedValue(BinOp(Name Name)) FormattedValue(Name))))")
    assertShape("f'{*a, b}'\n", "Module(Expr(JoinedStr(FormattedValue(Tuple(Starred(Name) Name)))))")
    assertShape("f'{yield}'\n", "Module(Expr(JoinedStr(FormattedValue(Yield))))")
    assertShape("f'{f\"{x}\"}'\n", "Module(Expr(JoinedStr(FormattedValue(JoinedStr(FormattedValue(Name))))))")
    assertShape("f'{x:=10}'\n", "Module(Expr(JoinedStr(FormattedValue(Name FormatSpec))))")
    assertShape("f'{a!=b}'\n", "Module(Expr(JoinedStr(FormattedValue(Compare(Name Name)))))")
    assertShape("f'{{literal}}'\n", "Module(Expr(JoinedStr))")
    assertParse(
      "1️⃣f'a2️⃣{b3️⃣:4️⃣{c}}'\n", nodes: ["1️⃣": .formattedString, "2️⃣": .formattedValue, "3️⃣": .formatSpec, "4️⃣": .formattedValue])
  }

  func testTemplateStrings() {
    assertShape("t'{x}'\n", "Module(Expr(TemplateStr(Interpolation(Name))))")
    assertShape("t'a{x!r:>{w}}b'\n", "Module(Expr(TemplateStr(Interpolation(Name FormatSpec(FormattedValue(Name))))))")
    assertShape("t'{x}' t'{y=}'\n", "Module(Expr(TemplateStr(Interpolation(Name) Interpolation(Name))))")
    // Python 3.13 has no t-strings to compare with: the positions follow the f-string rules.
    let tree = assertParse(
      "x = 1️⃣t'a2️⃣{3️⃣b4️⃣:>5️⃣{w}}'\n",
      nodes: ["1️⃣": .templateString, "2️⃣": .interpolation, "3️⃣": .name, "4️⃣": .formatSpec, "5️⃣": .formattedValue])
    let interpolation = tree.root.descendantsAndSelf.first { $0.kind == .interpolation }!
    XCTAssertEqual(interpolation.text, "{b:>{w}}")
  }

  // MARK: Parentheses and displays

  func testParentheses() {
    assertShape("()\n", "Module(Expr(Tuple))")
    assertShape("(x)\n", "Module(Expr(Parenthesized(Name)))")
    assertShape("((x))\n", "Module(Expr(Parenthesized(Parenthesized(Name))))")
    assertShape("(x,)\n", "Module(Expr(Tuple(Name)))")
    assertShape("(x, *y,)\n", "Module(Expr(Tuple(Name Starred(Name))))")
    assertShape("(yield)\n", "Module(Expr(Parenthesized(Yield)))")
    assertShape("(yield x, y)\n", "Module(Expr(Parenthesized(Yield(Tuple(Name Name)))))")
    assertShape("(yield from x)\n", "Module(Expr(Parenthesized(YieldFrom(Name))))")
    assertShape("(x := 1)\n", "Module(Expr(Parenthesized(NamedExpr(Name Constant))))")
    assertShape("(x for x in y)\n", "Module(Expr(GeneratorExp(Name comprehension(Name Name))))")
    assertParse("1️⃣(2️⃣x, y)\n", nodes: ["1️⃣": .tuple, "2️⃣": .name])
  }

  func testListsSetsAndDicts() {
    assertShape("[]\n", "Module(Expr(List))")
    assertShape("[x, *y, z,]\n", "Module(Expr(List(Name Starred(Name) Name)))")
    assertShape("[x := 1, y]\n", "Module(Expr(List(NamedExpr(Name Constant) Name)))")
    assertShape("{}\n", "Module(Expr(Dict))")
    assertShape(
      "{a: b, **c, d: e,}\n",
      "Module(Expr(Dict(DictEntry(Name Name) DictEntry(Name) DictEntry(Name Name))))")
    assertShape("{**a}\n", "Module(Expr(Dict(DictEntry(Name))))")
    assertShape("{a}\n", "Module(Expr(Set(Name)))")
    assertShape("{a, *b}\n", "Module(Expr(Set(Name Starred(Name))))")
  }

  func testComprehensions() {
    assertShape("[x for x in y if z]\n", "Module(Expr(ListComp(Name comprehension(Name Name Name))))")
    assertShape("[x async for x in y]\n", "Module(Expr(ListComp(Name comprehension(Name Name))))")
    assertShape("{x for x in y}\n", "Module(Expr(SetComp(Name comprehension(Name Name))))")
    assertShape("{k: v for k, v in y}\n", "Module(Expr(DictComp(Name Name comprehension(Tuple(Name Name) Name))))")
    assertShape(
      "[i for i in a for j in b if i if j]\n",
      "Module(Expr(ListComp(Name comprehension(Name Name) comprehension(Name Name Name Name))))")
    assertShape("[x for x in a if b or c]\n", "Module(Expr(ListComp(Name comprehension(Name Name BoolOp(Name Name)))))")
    assertShape("[x for (a, *b) in c]\n", "Module(Expr(ListComp(Name comprehension(Tuple(Name Starred(Name)) Name))))")
    assertShape("[x for a.b in c]\n", "Module(Expr(ListComp(Name comprehension(Attribute(Name) Name))))")
    assertShape(
      "[(y := f(x)) for x in z if y]\n",
      "Module(Expr(ListComp(Parenthesized(NamedExpr(Name Call(Name ArgumentList(Name))))"
        + " comprehension(Name Name Name))))"
    )
    assertParse("[x 1️⃣async for x in y]\n", nodes: ["1️⃣": .comprehensionClause])
  }

  // MARK: Operators

  func testBooleanOperatorsChainIntoOneNode() {
    assertShape("a or b or c\n", "Module(Expr(BoolOp(Name Name Name)))")
    assertShape("a and b or c and d\n", "Module(Expr(BoolOp(BoolOp(Name Name) BoolOp(Name Name))))")
    assertShape("a or b and c or d\n", "Module(Expr(BoolOp(Name BoolOp(Name Name) Name)))")
    assertShape("a and b and c or d\n", "Module(Expr(BoolOp(BoolOp(Name Name Name) Name)))")
    assertShape("not a and b\n", "Module(Expr(BoolOp(UnaryOp(Name) Name)))")
    assertShape("not not a\n", "Module(Expr(UnaryOp(UnaryOp(Name))))")
    assertShape("not a == b\n", "Module(Expr(UnaryOp(Compare(Name Name))))")
  }

  func testComparisonsChainIntoOneNode() {
    assertShape("a < b <= c == d != e > f >= g\n", "Module(Expr(Compare(Name Name Name Name Name Name Name)))")
    assertShape("a in b not in c is d is not e\n", "Module(Expr(Compare(Name Name Name Name Name)))")
    assertShape("a < b | c\n", "Module(Expr(Compare(Name BinOp(Name Name))))")
  }

  func testBinaryOperatorPrecedence() {
    assertShape(
      "a | b ^ c & d << e + f * g\n",
      "Module(Expr(BinOp(Name BinOp(Name BinOp(Name BinOp(Name BinOp(Name BinOp(Name Name))))))))")
    assertShape("a - b - c\n", "Module(Expr(BinOp(BinOp(Name Name) Name)))")
    assertShape(
      "a * b / c // d % e @ f\n",
      "Module(Expr(BinOp(BinOp(BinOp(BinOp(BinOp(Name Name) Name) Name) Name) Name)))")
    assertShape("a >> b << c\n", "Module(Expr(BinOp(BinOp(Name Name) Name)))")
    assertShape("a + b * c - d\n", "Module(Expr(BinOp(BinOp(Name BinOp(Name Name)) Name)))")
  }

  func testUnaryAndPower() {
    assertShape("-a, +a, ~a\n", "Module(Expr(Tuple(UnaryOp(Name) UnaryOp(Name) UnaryOp(Name))))")
    assertShape("-a ** -b\n", "Module(Expr(UnaryOp(BinOp(Name UnaryOp(Name)))))")
    assertShape("a ** b ** c\n", "Module(Expr(BinOp(Name BinOp(Name Name))))")
    assertShape("-a * b\n", "Module(Expr(BinOp(UnaryOp(Name) Name)))")
    assertShape("await a ** b\n", "Module(Expr(BinOp(Await(Name) Name)))")
    assertShape("-await a\n", "Module(Expr(UnaryOp(Await(Name))))")
  }

  func testAwait() {
    assertShape("await x\n", "Module(Expr(Await(Name)))")
    assertShape(
      "await x.y(z)[0]\n", "Module(Expr(Await(Subscript(Call(Attribute(Name) ArgumentList(Name)) Constant))))")
    assertShape("await (yield)\n", "Module(Expr(Await(Parenthesized(Yield))))")
  }

  func testConditionalExpressions() {
    assertShape("a if b else c\n", "Module(Expr(IfExp(Name Name Name)))")
    assertShape("a if b else c if d else e\n", "Module(Expr(IfExp(Name Name IfExp(Name Name Name))))")
    assertShape("a or b if c and d else e\n", "Module(Expr(IfExp(BoolOp(Name Name) BoolOp(Name Name) Name)))")
    assertShape("lambda: a if b else c\n", "Module(Expr(Lambda(arguments IfExp(Name Name Name))))")
  }

  func testNamedExpressions() {
    assertShape("if x := f(): pass\n", "Module(If(NamedExpr(Name Call(Name ArgumentList)) Block(Pass)))")
    assertShape("f(x := 1)\n", "Module(Expr(Call(Name ArgumentList(NamedExpr(Name Constant)))))")
    assertShape("a[x := 1]\n", "Module(Expr(Subscript(Name NamedExpr(Name Constant))))")
  }

  // MARK: Lambdas

  func testLambdas() {
    assertShape("lambda: 0\n", "Module(Expr(Lambda(arguments Constant)))")
    assertShape("lambda x: x\n", "Module(Expr(Lambda(arguments(arg) Name)))")
    assertShape(
      "lambda x, /, y=1, *a, z, w=2, **k: x\n",
      "Module(Expr(Lambda(arguments(arg arg Constant arg arg arg Constant arg) Name)))")
    assertShape("lambda *, k: k\n", "Module(Expr(Lambda(arguments(arg) Name)))")
    assertShape("lambda *a, **k: 0\n", "Module(Expr(Lambda(arguments(arg arg) Constant)))")
    assertShape("lambda: lambda: 0\n", "Module(Expr(Lambda(arguments Lambda(arguments Constant))))")
    assertShape(
      "f(lambda x: x, key=lambda: 0)\n",
      "Module(Expr(Call(Name ArgumentList(Lambda(arguments(arg) Name) keyword(Lambda(arguments Constant))))))")
  }

  // MARK: Primaries

  func testAttributes() {
    assertShape("a.b.c\n", "Module(Expr(Attribute(Attribute(Name))))")
    assertShape("a.match.type\n", "Module(Expr(Attribute(Attribute(Name))))")
    assertShape("(a).b\n", "Module(Expr(Attribute(Parenthesized(Name))))")
    assertShape("1 .real\n", "Module(Expr(Attribute(Constant)))")
    assertShape("'a'.join\n", "Module(Expr(Attribute(Constant)))")
  }

  func testCalls() {
    assertShape("f()\n", "Module(Expr(Call(Name ArgumentList)))")
    assertShape("f(a, b,)\n", "Module(Expr(Call(Name ArgumentList(Name Name))))")
    assertShape("f(*a, **k)\n", "Module(Expr(Call(Name ArgumentList(Starred(Name) keyword(Name)))))")
    assertShape(
      "f(a, k=1, *b, **c)\n",
      "Module(Expr(Call(Name ArgumentList(Name keyword(Constant) Starred(Name) keyword(Name)))))")
    assertShape("f(a)(b)\n", "Module(Expr(Call(Call(Name ArgumentList(Name)) ArgumentList(Name))))")
    assertShape("f(*a or b)\n", "Module(Expr(Call(Name ArgumentList(Starred(BoolOp(Name Name))))))")
    assertShape("f(\n  a,\n  # comment\n  b,\n)\n", "Module(Expr(Call(Name ArgumentList(Name Name))))")
    assertParse("f1️⃣(2️⃣k=1, 3️⃣**d)\n", nodes: ["1️⃣": .argumentList, "2️⃣": .keywordArgument, "3️⃣": .keywordArgument])
  }

  func testSoleGeneratorArgumentSpansTheCallParentheses() {
    let tree = assertParse("f1️⃣(x for x in y)\n", nodes: ["1️⃣": .generatorExpression])
    XCTAssertEqual(
      sExpression(tree), "Module(Expr(Call(Name ArgumentList(GeneratorExp(Name comprehension(Name Name))))))")
    let generator = tree.root.descendantsAndSelf.first { $0.kind == .generatorExpression }!
    XCTAssertEqual(generator.text, "(x for x in y)")
    XCTAssertEqual(generator.parent?.kind, .argumentList)
    XCTAssertEqual(generator.parent?.textRange, generator.textRange)
    assertShape(
      "f(a)(x for x in y)\n",
      "Module(Expr(Call(Call(Name ArgumentList(Name)) ArgumentList(GeneratorExp(Name comprehension(Name Name))))))")
    assertShape(
      "f((x for x in y), z)\n",
      "Module(Expr(Call(Name ArgumentList(GeneratorExp(Name comprehension(Name Name)) Name))))")
  }

  func testSubscripts() {
    assertShape("a[b]\n", "Module(Expr(Subscript(Name Name)))")
    assertShape("a[b:c]\n", "Module(Expr(Subscript(Name Slice(Name Name))))")
    assertShape("a[b:c:d]\n", "Module(Expr(Subscript(Name Slice(Name Name Name))))")
    assertShape("a[:]\n", "Module(Expr(Subscript(Name Slice)))")
    assertShape("a[::]\n", "Module(Expr(Subscript(Name Slice)))")
    assertShape("a[::2]\n", "Module(Expr(Subscript(Name Slice(Constant))))")
    assertShape("a[1:2, ::3]\n", "Module(Expr(Subscript(Name Tuple(Slice(Constant Constant) Slice(Constant)))))")
    assertShape("a[1,]\n", "Module(Expr(Subscript(Name Tuple(Constant))))")
    assertShape("a[*b]\n", "Module(Expr(Subscript(Name Tuple(Starred(Name)))))")
    assertShape("a[*b, c]\n", "Module(Expr(Subscript(Name Tuple(Starred(Name) Name))))")
    assertShape("a[b][c]\n", "Module(Expr(Subscript(Subscript(Name Name) Name)))")
    assertShape("a[lambda: 0]\n", "Module(Expr(Subscript(Name Lambda(arguments Constant))))")
  }

  // MARK: Statement contexts

  func testStarExpressionsAndTargets() {
    assertShape("x = 1, 2,\n", "Module(Assign(Name Tuple(Constant Constant)))")
    assertShape("x, *y = z\n", "Module(Assign(Tuple(Name Starred(Name)) Name))")
    assertShape("for x, in y: pass\n", "Module(For(Tuple(Name) Name Block(Pass)))")
    assertShape(
      "for (a, b), [c, *d] in e: pass\n",
      "Module(For(Tuple(Tuple(Name Name) List(Name Starred(Name))) Name Block(Pass)))")
    assertShape("for x in *a, b: pass\n", "Module(For(Name Tuple(Starred(Name) Name) Block(Pass)))")
    assertShape("return_ = *a, *b\n", "Module(Assign(Name Tuple(Starred(Name) Starred(Name))))")
    assertShape("with a as (b, c): pass\n", "Module(With(withitem(Name Tuple(Name Name)) Block(Pass)))")
    assertShape("with a as b, c as d: pass\n", "Module(With(withitem(Name Name) withitem(Name Name) Block(Pass)))")
  }

  func testYield() {
    assertShape("def f():\n    yield\n", "Module(FunctionDef(arguments Block(Expr(Yield))))")
    assertShape(
      "def f():\n    x = yield a, b\n", "Module(FunctionDef(arguments Block(Assign(Name Yield(Tuple(Name Name))))))")
    assertShape(
      "def f():\n    yield from g()\n", "Module(FunctionDef(arguments Block(Expr(YieldFrom(Call(Name ArgumentList))))))"
    )
    assertParse("x = (1️⃣yield)\n", nodes: ["1️⃣": .yieldExpression])
  }

  func testFunctionParameters() {
    assertShape("def f(): pass\n", "Module(FunctionDef(arguments Block(Pass)))")
    assertShape(
      "def f(a: int = 1, *args: *Ts, b, **kw: str) -> None: pass\n",
      "Module(FunctionDef(arguments(arg(Name) Constant arg(Starred(Name)) arg arg(Name)) Constant Block(Pass)))")
    assertShape(
      "def g(a, b, /, c, *, d=1,): pass\n",
      "Module(FunctionDef(arguments(arg arg arg arg Constant) Block(Pass)))")
    assertShape("def h(\n    a,  # first\n    b,\n): pass\n", "Module(FunctionDef(arguments(arg arg) Block(Pass)))")
    assertParse(
      "def f1️⃣(2️⃣a: 3️⃣int = 4️⃣1): pass\n",
      nodes: ["1️⃣": .parameters, "2️⃣": .parameter, "3️⃣": .name, "4️⃣": .constant])
  }

  func testClassArguments() {
    assertShape("class C(B, metaclass=M): pass\n", "Module(ClassDef(ArgumentList(Name keyword(Name)) Block(Pass)))")
  }
}
