import XCTest

@testable import PythonSyntax

/// The statement grammar: every statement form, its tree shape, its CPython positions, and the
/// typed views rules read. Positions were taken from CPython 3.13's `ast` for the same source.
final class StatementTests: XCTestCase {
  // MARK: Simple statements

  func testKeywordStatements() {
    assertShape("pass\nbreak\ncontinue\n", "Module(Pass Break Continue)")
    assertShape("return\nreturn x\nreturn *a, b\n", "Module(Return Return(Name) Return(Tuple(Starred(Name) Name)))")
    assertShape("raise\nraise E\nraise E from c\n", "Module(Raise Raise(Name) Raise(Name Name))")
    assertShape("global a\nnonlocal a, b\n", "Module(Global Nonlocal)")
    assertShape("assert x\nassert x, 'm'\n", "Module(Assert(Name) Assert(Name Constant))")
    assertParse(
      "1️⃣pass\n2️⃣return x\n3️⃣raise E from c\n4️⃣assert x\n",
      nodes: [
        "1️⃣": .passStatement, "2️⃣": .returnStatement, "3️⃣": .raiseStatement, "4️⃣": .assertStatement,
      ])
  }

  func testSimpleStatementViews() {
    let tree = assertParse("return a, b\nraise E from c\nraise\nassert x, 'm'\nglobal a, b\nnonlocal c\ntype T = int\n")
    XCTAssertEqual(ReturnSyntax(statement(tree, 0))?.value?.kind, .tuple)
    let raise = RaiseSyntax(statement(tree, 1))!
    XCTAssertEqual(raise.exception?.text, "E")
    XCTAssertEqual(raise.cause?.text, "c")
    XCTAssertFalse(raise.isBare)
    XCTAssertEqual(RaiseSyntax(statement(tree, 2))?.isBare, true)
    XCTAssertNil(RaiseSyntax(statement(tree, 2))?.exception)
    XCTAssertEqual(AssertSyntax(statement(tree, 3))?.test.text, "x")
    XCTAssertEqual(AssertSyntax(statement(tree, 3))?.message?.text, "'m'")
    XCTAssertEqual(GlobalSyntax(statement(tree, 4))?.names, ["a", "b"])
    XCTAssertNil(GlobalSyntax(statement(tree, 5)))
    XCTAssertEqual(statement(tree, 5).asNonlocal?.names, ["c"])
    XCTAssertNil(statement(tree, 6).asNonlocal)
    XCTAssertNil(ReturnSyntax(statement(assertParse("return\n"), 0))?.value)
  }

  func testDeleteHasOneChildPerTarget() {
    assertShape("del a, b[0], c.d\n", "Module(Delete(Name Subscript(Name Constant) Attribute(Name)))")
    assertShape("del a,\n", "Module(Delete(Name))")
    assertShape("del (a, b)\n", "Module(Delete(Tuple(Name Name)))")
    assertShape("del (a), b\n", "Module(Delete(Parenthesized(Name) Name))")
    assertShape("del [a, b]\n", "Module(Delete(List(Name Name)))")
    let tree = assertParse("del a, b\n")
    XCTAssertEqual(DeleteSyntax(statement(tree, 0))?.targets.map(\.text), ["a", "b"])
  }

  func testExpressionStatements() {
    assertShape("f(x)\n", "Module(Expr(Call(Name ArgumentList(Name))))")
    assertShape("await x\n", "Module(Expr(Await(Name)))")
    assertShape("yield\nyield x\nyield from g\n", "Module(Expr(Yield) Expr(Yield(Name)) Expr(YieldFrom(Name)))")
    assertShape("*a, b\n", "Module(Expr(Tuple(Starred(Name) Name)))")
    assertShape("print(1)\n", "Module(Expr(Call(Name ArgumentList(Constant))))")
    assertShape("'''doc'''\n", "Module(Expr(Constant))")
    assertShape("x\n", "Module(Expr(Name))")
    let tree = assertParse("g()\n")
    XCTAssertEqual(ExpressionStatementSyntax(statement(tree, 0))?.expression.kind, .call)
  }

  func testSoftKeywordsAsNames() {
    assertShape("match = 1\n", "Module(Assign(Name Constant))")
    assertShape("match(x)\n", "Module(Expr(Call(Name ArgumentList(Name))))")
    assertShape("match.group(1)\n", "Module(Expr(Call(Attribute(Name) ArgumentList(Constant))))")
    assertShape("match[x]: int = 1\n", "Module(AnnAssign(Subscript(Name Name) Name Constant))")
    assertShape("match, a = 1, 2\n", "Module(Assign(Tuple(Name Name) Tuple(Constant Constant)))")
    assertShape("match * x\n", "Module(Expr(BinOp(Name Name)))")
    assertShape("match: int\n", "Module(AnnAssign(Name Name))")
    assertShape("type = 1\n", "Module(Assign(Name Constant))")
    assertShape("type(x)\n", "Module(Expr(Call(Name ArgumentList(Name))))")
    assertShape("type.x = 1\n", "Module(Assign(Attribute(Name) Constant))")
    assertShape("case = _ = 1\n", "Module(Assign(Name Name Constant))")
    assertShape("print(match, case, type, _)\n", "Module(Expr(Call(Name ArgumentList(Name Name Name Name))))")
  }

  func testAssignments() {
    assertShape("a = 1\n", "Module(Assign(Name Constant))")
    assertShape("a = b = c\n", "Module(Assign(Name Name Name))")
    assertShape("a, b = b, a\n", "Module(Assign(Tuple(Name Name) Tuple(Name Name)))")
    assertShape("[a, *b] = c\n", "Module(Assign(List(Name Starred(Name)) Name))")
    assertShape("x.y[0] = yield\n", "Module(Assign(Subscript(Attribute(Name) Constant) Yield))")
    assertShape("a = yield from b\n", "Module(Assign(Name YieldFrom(Name)))")
    assertShape("a = *b, c\n", "Module(Assign(Name Tuple(Starred(Name) Name)))")
    let tree = assertParse("1️⃣a = b = 2️⃣c\n", nodes: ["1️⃣": .assignment, "2️⃣": .name])
    let assignment = AssignmentSyntax(statement(tree, 0))
    XCTAssertEqual(assignment?.targets.map(\.text), ["a", "b"])
    XCTAssertEqual(assignment?.value.text, "c")
  }

  func testAnnotatedAssignments() {
    assertShape("x: int\n", "Module(AnnAssign(Name Name))")
    assertShape("x: int = 1\n", "Module(AnnAssign(Name Name Constant))")
    assertShape("(a): int = 1\n", "Module(AnnAssign(Parenthesized(Name) Name Constant))")
    assertShape("a.b: list[int] = yield\n", "Module(AnnAssign(Attribute(Name) Subscript(Name Name) Yield))")
    assertShape("x: int = *a, b\n", "Module(AnnAssign(Name Name Tuple(Starred(Name) Name)))")
    let tree = assertParse("1️⃣(a): int = 1\nb: str\n", nodes: ["1️⃣": .annotatedAssignment])
    let first = AnnotatedAssignmentSyntax(statement(tree, 0))
    XCTAssertEqual(first?.annotation?.text, "int")
    XCTAssertEqual(first?.value?.text, "1")
    XCTAssertEqual(first?.isSimple, false)
    let second = AnnotatedAssignmentSyntax(statement(tree, 1))
    XCTAssertNil(second?.value)
    XCTAssertEqual(second?.isSimple, true)
  }

  func testAugmentedAssignmentsAllOperators() {
    let operators = ["+=", "-=", "*=", "/=", "//=", "%=", "**=", "@=", "|=", "&=", "^=", "<<=", ">>="]
    for op in operators {
      let tree = assertParse("x \(op) 1\n")
      XCTAssertEqual(sExpression(tree), "Module(AugAssign(Name Constant))", op)
      let augmented = AugmentedAssignmentSyntax(statement(tree, 0))
      XCTAssertEqual(augmented.map { tree.tokenText($0.operatorToken) }, op)
      XCTAssertEqual(augmented?.target.text, "x")
      XCTAssertEqual(augmented?.value?.text, "1")
    }
    assertShape("(x) += 1\n", "Module(AugAssign(Parenthesized(Name) Constant))")
    assertShape("self.n += yield\n", "Module(AugAssign(Attribute(Name) Yield))")
    let tree = assertParse("a[0] |= b\n")
    XCTAssertEqual(AugmentedAssignmentSyntax(statement(tree, 0))?.operatorKind, .pipeEqual)
  }

  func testSemicolonsStayOutsideStatements() {
    let tree = assertParse(
      "1️⃣a = 1; 2️⃣b(); 3️⃣pass;\n", nodes: ["1️⃣": .assignment, "2️⃣": .expressionStatement, "3️⃣": .passStatement])
    XCTAssertEqual(sExpression(tree), "Module(Assign(Name Constant) Expr(Call(Name ArgumentList)) Pass)")
    XCTAssertEqual(ModuleSyntax(tree.root)?.statements.map(\.text), ["a = 1", "b()", "pass"])
    assertSpan("1️⃣x = 12️⃣; y\n", .assignment)
  }

  // MARK: Imports

  func testImports() {
    assertShape("import a\n", "Module(Import(alias(DottedName)))")
    assertShape("import a.b as c, d\n", "Module(Import(alias(DottedName) alias(DottedName)))")
    assertShape("from x import y\n", "Module(ImportFrom(DottedName alias))")
    assertShape("from . import x\n", "Module(ImportFrom(alias))")
    assertShape("from ..a.b import (x as y, z,)\n", "Module(ImportFrom(DottedName alias alias))")
    assertShape("from x import *\n", "Module(ImportFrom(DottedName alias))")
    assertShape("from ... import x\n", "Module(ImportFrom(alias))")
    assertSpan("import 1️⃣a.b as c2️⃣, d\n", .importAlias)
    assertSpan("from x import (1️⃣y as z2️⃣)\n", .importAlias)
    assertSpan("1️⃣from x import (y as z)2️⃣\n", .importFromStatement)
  }

  func testImportViews() {
    let tree = assertParse("import os.path as p, sys\nfrom ....pkg . mod import (a as b, c,)\nfrom . import *\n")
    let imports = ImportSyntax(statement(tree, 0))!
    XCTAssertEqual(imports.aliases.map(\.name), ["os.path", "sys"])
    XCTAssertEqual(imports.aliases.map(\.asName), ["p", nil])
    XCTAssertEqual(imports.aliases.map(\.boundName), ["p", "sys"])
    let from = ImportFromSyntax(statement(tree, 1))!
    XCTAssertEqual(from.relativeLevel, 4)
    XCTAssertEqual(from.module, "pkg.mod")
    XCTAssertEqual(from.aliases.map(\.name), ["a", "c"])
    XCTAssertEqual(from.aliases.map(\.boundName), ["b", "c"])
    XCTAssertFalse(from.isWildcard)
    let wildcard = ImportFromSyntax(statement(tree, 2))!
    XCTAssertEqual(wildcard.relativeLevel, 1)
    XCTAssertNil(wildcard.module)
    XCTAssertTrue(wildcard.isWildcard)
    XCTAssertEqual(statement(tree, 0).asImport?.aliases.first?.boundName, "p")
    let plain = ImportSyntax(statement(assertParse("import a.b.c\n"), 0))!
    XCTAssertEqual(plain.aliases.first?.boundName, "a")
  }

  // MARK: Type aliases and type parameters

  func testTypeAliases() {
    assertShape("type X = int\n", "Module(TypeAlias(Name Name))")
    assertShape("type X[T] = list[T]\n", "Module(TypeAlias(Name TypeParams(TypeVar) Subscript(Name Name)))")
    assertShape(
      "type X[T: int = str, *Ts = *tuple[int], **P = [int]] = T\n",
      "Module(TypeAlias(Name TypeParams(TypeVar(Name Name) "
        + "TypeVarTuple(Starred(Subscript(Name Name))) ParamSpec(List(Name))) Name))"
    )
    assertSpan("type X[1️⃣T: int = str2️⃣, *Ts] = T\n", .typeVar)
    assertSpan("type X[T, 1️⃣*Ts = *tuple[int]2️⃣] = T\n", .typeVarTuple)
    assertSpan("type X[1️⃣**P = [int]2️⃣] = T\n", .paramSpec)
    assertSpan("1️⃣type X[T] = list[T]2️⃣\n", .typeAlias)
    let tree = assertParse("type Pair[K: str, V = int] = dict[K, V]\n")
    let alias = TypeAliasSyntax(statement(tree, 0))!
    XCTAssertEqual(alias.name.text, "Pair")
    XCTAssertEqual(alias.value?.text, "dict[K, V]")
    let parameters = alias.typeParameters!.parameters
    XCTAssertEqual(parameters.map(\.name), ["K", "V"])
    XCTAssertEqual(parameters[0].bound?.text, "str")
    XCTAssertNil(parameters[0].defaultValue)
    XCTAssertNil(parameters[1].bound)
    XCTAssertEqual(parameters[1].defaultValue?.text, "int")
  }

  // MARK: if, while, for

  func testIfElifElse() {
    let source = "1️⃣if a:\n    x\n2️⃣elif b:\n    y\n3️⃣elif c: z\n4️⃣else:\n    w\n"
    let tree = assertParse(source, nodes: ["1️⃣": .ifStatement, "2️⃣": .elifClause, "3️⃣": .elifClause, "4️⃣": .elseClause])
    XCTAssertEqual(
      sExpression(tree),
      "Module(If(Name Block(Expr(Name)) If(Name Block(Expr(Name))) If(Name "
        + "Block(Expr(Name))) ElseClause(Block(Expr(Name)))))"
    )
    let conditional = IfSyntax(statement(tree, 0))!
    XCTAssertEqual(conditional.condition.text, "a")
    XCTAssertEqual(conditional.body?.statements.map(\.text), ["x"])
    XCTAssertEqual(conditional.elifClauses.map(\.condition.text), ["b", "c"])
    XCTAssertEqual(conditional.elifClauses.last?.body?.isSingleLine, true)
    XCTAssertEqual(conditional.elseClause?.body?.statements.map(\.text), ["w"])
    assertSpan("1️⃣if a:\n    x\nelse:\n    w2️⃣\n# after\n", .ifStatement)
    assertSpan("if a:\n    x\n1️⃣elif b:\n    y2️⃣\n", .elifClause)
    assertShape(
      "if (n := f()):\n    pass\n", "Module(If(Parenthesized(NamedExpr(Name Call(Name ArgumentList))) Block(Pass)))")
    assertShape("if n := f():\n    pass\n", "Module(If(NamedExpr(Name Call(Name ArgumentList)) Block(Pass)))")
  }

  func testWhile() {
    let tree = assertParse("1️⃣while x:\n    a\n2️⃣else:\n    b\n", nodes: ["1️⃣": .whileStatement, "2️⃣": .elseClause])
    XCTAssertEqual(sExpression(tree), "Module(While(Name Block(Expr(Name)) ElseClause(Block(Expr(Name)))))")
    let loop = WhileSyntax(statement(tree, 0))!
    XCTAssertEqual(loop.condition.text, "x")
    XCTAssertEqual(loop.body?.statements.count, 1)
    XCTAssertEqual(loop.elseClause?.body?.statements.map(\.text), ["b"])
    XCTAssertEqual(loop.orelse?.statements.map(\.text), ["b"])
    assertSpan("1️⃣while True:\n    await f()2️⃣\n", .whileStatement)
    XCTAssertNil(WhileSyntax(statement(assertParse("while 1: pass\n"), 0))?.elseClause)
  }

  func testFor() {
    assertShape("for x in y:\n    pass\n", "Module(For(Name Name Block(Pass)))")
    assertShape("for a, *b in c, d: pass\n", "Module(For(Tuple(Name Starred(Name)) Tuple(Name Name) Block(Pass)))")
    assertShape("for x in *a, *b: pass\n", "Module(For(Name Tuple(Starred(Name) Starred(Name)) Block(Pass)))")
    assertShape("for x in y: pass\nelse: pass\n", "Module(For(Name Name Block(Pass) ElseClause(Block(Pass))))")
    let tree = assertParse(
      "async def f():\n    1️⃣async for i in aiter():\n        pass\n", nodes: ["1️⃣": .asyncForStatement])
    let loop = tree.root.descendantsAndSelf.compactMap(ForSyntax.init).first!
    XCTAssertTrue(loop.isAsync)
    XCTAssertEqual(loop.asyncToken.map { tree.tokenText($0) }, "async")
    XCTAssertEqual(loop.target.text, "i")
    XCTAssertEqual(loop.iterable?.text, "aiter()")
    XCTAssertNil(loop.elseClause)
    XCTAssertNil(loop.orelse)
    assertSpan("1️⃣for x in y:\n    pass\nelse:\n    z2️⃣\n", .forStatement)
  }

  // MARK: with

  func testWithItems() {
    assertShape("with a: pass\n", "Module(With(withitem(Name) Block(Pass)))")
    assertShape(
      "with a as b, c as (d, e): pass\n",
      "Module(With(withitem(Name Name) withitem(Name Tuple(Name Name)) Block(Pass)))")
    // CPython's PEG grammar reads brackets around the item list first.
    assertShape("with (a, b): pass\n", "Module(With(withitem(Name) withitem(Name) Block(Pass)))")
    assertShape("with (a): pass\n", "Module(With(withitem(Name) Block(Pass)))")
    assertShape("with (a as b, c,): pass\n", "Module(With(withitem(Name Name) withitem(Name) Block(Pass)))")
    assertShape("with (a, b) as c: pass\n", "Module(With(withitem(Tuple(Name Name) Name) Block(Pass)))")
    assertShape("with (a, b), c: pass\n", "Module(With(withitem(Tuple(Name Name)) withitem(Name) Block(Pass)))")
    assertShape("with (yield): pass\n", "Module(With(withitem(Parenthesized(Yield)) Block(Pass)))")
    assertShape(
      "with (x for x in y): pass\n", "Module(With(withitem(GeneratorExp(Name comprehension(Name Name))) Block(Pass)))")
    assertShape(
      "with (open(a)) as f, (open(b)) as g: pass\n",
      "Module(With(withitem(Parenthesized(Call(Name ArgumentList(Name))) Name) "
        + "withitem(Parenthesized(Call(Name ArgumentList(Name))) Name) Block(Pass)))"
    )
    assertShape("with ():\n    pass\n", "Module(With(withitem(Tuple) Block(Pass)))")
    assertShape(
      "with (\n    open(a) as f,\n    open(b) as g,\n):\n    pass\n",
      "Module(With(withitem(Call(Name ArgumentList(Name)) Name) "
        + "withitem(Call(Name ArgumentList(Name)) Name) Block(Pass)))"
    )
    assertSpan("with (1️⃣a as b2️⃣, c): pass\n", .withItem)
    assertSpan("1️⃣with a:\n    pass2️⃣\n", .withStatement)
  }

  func testWithViews() {
    let tree = assertParse("async def f():\n    async with (lock as held, other):\n        pass\n")
    let with = tree.root.descendantsAndSelf.compactMap(WithSyntax.init).first!
    XCTAssertTrue(with.isAsync)
    XCTAssertTrue(with.hasParenthesizedItems)
    XCTAssertEqual(with.items.map(\.contextExpression.text), ["lock", "other"])
    XCTAssertEqual(with.items.map { $0.target?.text }, ["held", nil])
    XCTAssertEqual(with.body?.statements.count, 1)
  }

  // MARK: try

  func testTry() {
    let source = "1️⃣try:\n    a\n2️⃣except E as e:\n    b\n3️⃣except:\n    c\n4️⃣else:\n    d\n5️⃣finally:\n    f\n"
    let tree = assertParse(
      source,
      nodes: [
        "1️⃣": .tryStatement, "2️⃣": .exceptClause, "3️⃣": .exceptClause, "4️⃣": .elseClause, "5️⃣": .finallyClause,
      ])
    XCTAssertEqual(
      sExpression(tree),
      "Module(Try(Block(Expr(Name)) ExceptHandler(Name Block(Expr(Name))) ExceptHandler(Block(Expr(Name))) "
        + "ElseClause(Block(Expr(Name))) FinallyClause(Block(Expr(Name)))))")
    let tryStatement = TrySyntax(statement(tree, 0))!
    XCTAssertFalse(tryStatement.isStar)
    XCTAssertEqual(tryStatement.handlers.count, 2)
    XCTAssertEqual(tryStatement.handlers[0].type?.text, "E")
    XCTAssertEqual(tryStatement.handlers[0].name, "e")
    XCTAssertNil(tryStatement.handlers[1].type)
    XCTAssertNil(tryStatement.handlers[1].name)
    XCTAssertEqual(tryStatement.handlers[1].caughtTypes, [])
    XCTAssertEqual(tryStatement.elseClause?.body?.statements.map(\.text), ["d"])
    XCTAssertEqual(tryStatement.finallyClause?.body?.statements.map(\.text), ["f"])
    XCTAssertEqual(tryStatement.orelse?.statements.map(\.text), ["d"])
    XCTAssertEqual(tryStatement.finalbody?.statements.map(\.text), ["f"])
    assertSpan("try:\n    a\n1️⃣except E as e:\n    b2️⃣\nfinally:\n    c\n", .exceptClause)
    assertShape("try:\n    pass\nfinally:\n    pass\n", "Module(Try(Block(Pass) FinallyClause(Block(Pass))))")
  }

  func testExceptStarAndUnparenthesizedTypes() {
    let tree = assertParse(
      "1️⃣try:\n    pass\nexcept* ValueError as e:\n    pass\nexcept* (A, B):\n    pass\n",
      nodes: ["1️⃣": .tryStarStatement])
    let tryStatement = TrySyntax(statement(tree, 0))!
    XCTAssertTrue(tryStatement.isStar)
    XCTAssertEqual(tryStatement.handlers.map(\.isStar), [true, true])
    XCTAssertEqual(tryStatement.handlers[1].caughtTypes.map(\.text), ["A", "B"])
    // PEP 758 (Python 3.14): several types without brackets when there is no `as`.
    let pep758 = assertParse("try:\n    pass\nexcept 1️⃣A, B:\n    pass\n", nodes: ["1️⃣": .tuple])
    let handler = TrySyntax(statement(pep758, 0))!.handlers[0]
    XCTAssertEqual(handler.type?.kind, .tuple)
    XCTAssertEqual(handler.caughtTypes.map(\.text), ["A", "B"])
    let caught = TrySyntax(statement(assertParse("try: pass\nexcept (asyncio.CancelledError, KeyError): raise\n"), 0))!
    XCTAssertEqual(caught.handlers[0].caughtTypes.map(\.text), ["asyncio.CancelledError", "KeyError"])
  }

  // MARK: Definitions

  func testFunctionDefinitions() {
    assertShape("def f(): pass\n", "Module(FunctionDef(arguments Block(Pass)))")
    assertShape(
      "def f(a, b=1, *c, d, **e) -> int:\n    return a\n",
      "Module(FunctionDef(arguments(arg arg Constant arg arg arg) Name Block(Return(Name))))")
    assertShape(
      "def f[T, *Ts, **P](x: T) -> T: ...\n",
      "Module(FunctionDef(TypeParams(TypeVar TypeVarTuple ParamSpec) arguments(arg(Name)) Name Block(Expr(Constant))))")
    assertShape(
      "@a\n@b.c(1)\nasync def f(): pass\n",
      "Module(AsyncFunctionDef(Decorator(Name) "
        + "Decorator(Call(Attribute(Name) ArgumentList(Constant))) arguments Block(Pass)))"
    )
    assertShape(
      "@(yield)\ndef f(): pass\n", "Module(FunctionDef(Decorator(Parenthesized(Yield)) arguments Block(Pass)))")
    assertShape(
      "@x := y\ndef f(): pass\n", "Module(FunctionDef(Decorator(NamedExpr(Name Name)) arguments Block(Pass)))")
    assertShape(
      "@buttons[0].on_click\ndef f(): pass\n",
      "Module(FunctionDef(Decorator(Attribute(Subscript(Name Constant))) arguments Block(Pass)))")
    // Decorators are children: the def node starts at `@`; CPython's position starts at `def`.
    let tree = assertParse(
      "1️⃣@micropython.viper\n2️⃣async def 3️⃣run(pin) -> None:\n    await x\n", nodes: ["1️⃣": .asyncFunctionDef])
    let function = FunctionDefSyntax(statement(tree, 0))!
    let (_, offsets) = extractMarkers("1️⃣@micropython.viper\n2️⃣async def 3️⃣run(pin) -> None:\n    await x\n")
    XCTAssertEqual(function.node.astTextRange?.lowerBound, offsets["2️⃣"])
    XCTAssertTrue(function.isAsync)
    XCTAssertEqual(function.name, "run")
    XCTAssertEqual(function.nameToken.map { tree.tokens.textStarts[Int($0)] }, offsets["3️⃣"])
    XCTAssertTrue(function.isNamed("run"))
    XCTAssertEqual(function.asyncToken.map { tree.tokenText($0) }, "async")
    XCTAssertEqual(tree.tokenText(function.defToken), "def")
    XCTAssertEqual(function.decorators.map(\.expression.text), ["micropython.viper"])
    XCTAssertEqual(function.parameters?.parameters.count, 1)
    XCTAssertEqual(function.returns?.text, "None")
    XCTAssertNil(function.typeParameters)
    XCTAssertEqual(function.body?.statements.map(\.text), ["await x"])
    let plain = FunctionDefSyntax(statement(assertParse("def g[T](): pass\n"), 0))!
    XCTAssertFalse(plain.isAsync)
    XCTAssertNil(plain.asyncToken)
    XCTAssertNil(plain.returns)
    XCTAssertEqual(plain.typeParameters?.parameters.map(\.name), ["T"])
    XCTAssertEqual(plain.body?.isSingleLine, true)
  }

  func testClassDefinitions() {
    assertShape("class C: pass\n", "Module(ClassDef(Block(Pass)))")
    assertShape("class C(): pass\n", "Module(ClassDef(ArgumentList Block(Pass)))")
    assertShape(
      "class C[T](B, *bs, metaclass=M, **kw):\n    x = 1\n",
      "Module(ClassDef(TypeParams(TypeVar) ArgumentList(Name Starred(Name) "
        + "keyword(Name) keyword(Name)) Block(Assign(Name Constant))))"
    )
    let tree = assertParse("@dataclass\nclass 1️⃣Point(Base, metaclass=Meta):\n    x: int\n")
    let definition = ClassDefSyntax(statement(tree, 0))!
    XCTAssertEqual(definition.name, "Point")
    XCTAssertTrue(definition.isNamed("Point"))
    XCTAssertEqual(tree.tokenText(definition.classToken), "class")
    XCTAssertEqual(definition.decorators.map(\.expression.text), ["dataclass"])
    XCTAssertEqual(definition.bases.map(\.text), ["Base"])
    XCTAssertEqual(definition.keywords.map(\.keyword), ["metaclass"])
    XCTAssertEqual(definition.body?.statements.map(\.kind), [.annotatedAssignment])
    XCTAssertEqual(ClassDefSyntax(statement(assertParse("class D: pass\n"), 0))?.bases, [])
    assertSpan("@d\n1️⃣class C:\n    pass2️⃣\n", .classDef)
    assertSpan("@d\n1️⃣def f():\n    pass2️⃣\n", .functionDef)
  }

  // MARK: Blocks and layout

  func testBlocks() {
    assertShape(
      "if x: a(); b()\n", "Module(If(Name Block(Expr(Call(Name ArgumentList)) Expr(Call(Name ArgumentList)))))")
    assertShape("if x: a;\n", "Module(If(Name Block(Expr(Name))))")
    assertShape("if a:\n    if b:\n        c\nd\n", "Module(If(Name Block(If(Name Block(Expr(Name))))) Expr(Name))")
    let tree = assertParse("while x:\n\n    # comment\n    a = 1\n\n    b\nc\n")
    let loop = WhileSyntax(statement(tree, 0))!
    let body = loop.body!
    XCTAssertTrue(body.isIndented)
    XCTAssertFalse(body.isSingleLine)
    XCTAssertEqual(body.statements.map(\.text), ["a = 1", "b"])
    XCTAssertEqual(body.firstStatement?.text, "a = 1")
    XCTAssertEqual(body.lastStatement?.text, "b")
    XCTAssertEqual(body.indentationText, "    ")
    let single = IfSyntax(statement(assertParse("if x: y\n"), 0))!.body!
    XCTAssertTrue(single.isSingleLine)
    XCTAssertFalse(single.isIndented)
    XCTAssertNil(single.indentation)
    XCTAssertEqual(ModuleSyntax(tree.root)?.statements.count, 2)
  }

  func testCRLFAndTabs() {
    let crlf = assertParse("if x:\r\n    1️⃣a = 1\r\nelse:\r\n    b\r\n", nodes: ["1️⃣": .assignment])
    XCTAssertEqual(sExpression(crlf), "Module(If(Name Block(Assign(Name Constant)) ElseClause(Block(Expr(Name)))))")
    assertSpan("1️⃣def f():\r\n\treturn 12️⃣\r\n", .functionDef)
    let tabs = assertParse("class C:\n\tdef f(self):\n\t\tpass\n\tx = 1\n")
    XCTAssertEqual(
      sExpression(tabs), "Module(ClassDef(Block(FunctionDef(arguments(arg) Block(Pass)) Assign(Name Constant))))")
    let method = tabs.root.descendantsAndSelf.compactMap(FunctionDefSyntax.init).first!
    XCTAssertEqual(method.body?.indentationText, "\t\t")
    assertShape("if x:\r    a\rb\r", "Module(If(Name Block(Expr(Name))) Expr(Name))")
    assertShape("x = 1", "Module(Assign(Name Constant))")
    assertShape("if x:\n    pass", "Module(If(Name Block(Pass)))")
    assertShape("", "Module")
    assertShape("# only a comment\n\n", "Module")
    assertShape("\u{FEFF}pass\n", "Module(Pass)")
    assertShape("x = 1 \\\n  + 2\n", "Module(Assign(Name BinOp(Constant Constant)))")
  }

  func testLineIndentation() {
    let tree = assertParse("if x:\n  a; b\n")
    let body = IfSyntax(statement(tree, 0))!.body!
    XCTAssertEqual(body.statements[0].lineIndentation.map { tree.source.text($0) }, "  ")
    XCTAssertNil(body.statements[1].lineIndentation)
    XCTAssertEqual(statement(tree, 0).lineIndentation.map { tree.source.text($0) }, "")
  }

  // MARK: Positions

  func testStatementPositionsMatchCPython() {
    assertSpan("1️⃣x = f(\n    1,\n)2️⃣\n", .assignment)
    assertSpan("1️⃣return a, b2️⃣  # comment\n", .returnStatement)
    assertSpan("1️⃣import a2️⃣;\n", .importStatement)
    assertSpan("def f():\n    1️⃣global a, b2️⃣\n", .globalStatement)
    assertSpan("1️⃣del a, b2️⃣\n", .deleteStatement)
    assertSpan("1️⃣assert x, 'message'2️⃣\n", .assertStatement)
    assertSpan("1️⃣match x:\n    case 1:\n        pass2️⃣\n", .matchStatement)
    assertSpan("1️⃣try:\n    pass\nexcept* E:\n    pass2️⃣\n", .tryStarStatement)
    assertSpan("1️⃣async with a:\n    pass2️⃣\n", .asyncWithStatement)
    assertSpan("1️⃣async def f():\n    pass2️⃣\n", .asyncFunctionDef)
    assertSpan("1️⃣if x:\n    if y:\n        pass2️⃣\n\n\n", .ifStatement)
  }

  // MARK: Helpers

  /// The `index`th top-level statement.
  private func statement(_ tree: SyntaxTree, _ index: Int) -> SyntaxNode {
    ModuleSyntax(tree.root)!.statements[index]
  }
}

/// Asserts that `marked` parses without diagnostics and has a node of `kind` whose CPython
/// position (`astTextRange`) runs exactly from marker 1️⃣ to marker 2️⃣.
func assertSpan(_ marked: String, _ kind: NodeKind, file: StaticString = #filePath, line: UInt = #line) {
  let (source, offsets) = extractMarkers(marked)
  let tree = assertParse(source, file: file, line: line)
  guard let start = offsets["1️⃣"], let end = offsets["2️⃣"] else {
    XCTFail("markers 1️⃣ and 2️⃣ needed", file: file, line: line)
    return
  }
  let candidates = tree.root.descendantsAndSelf.filter { $0.kind == kind }
  let found = candidates.contains { $0.astTextRange == start..<end }
  XCTAssertTrue(
    found, "no \(kind) spanning \(start)..<\(end); found \(candidates.map { $0.astTextRange as Any })",
    file: file, line: line)
}
