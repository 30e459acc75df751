import XCTest

@testable import PythonSyntax

/// The typed expression views rules read (`CallSyntax`, `ParametersSyntax`, …).
final class ExpressionSyntaxTests: XCTestCase {
  /// The first node of `kind` in `source`'s tree.
  private func first(_ kind: NodeKind, in source: String, file: StaticString = #filePath, line: UInt = #line)
    -> SyntaxNode
  {
    let tree = assertParse(source, file: file, line: line)
    return tree.root.descendantsAndSelf.first { $0.kind == kind }!
  }

  func testViewsRejectOtherKinds() {
    let name = first(.name, in: "x\n")
    XCTAssertNil(CallSyntax(name))
    XCTAssertNil(name.asAttribute)
    XCTAssertNotNil(name.asName)
  }

  func testName() {
    let name = NameSyntax(first(.name, in: "sleep_ms\n"))!
    XCTAssertEqual(name.identifier, "sleep_ms")
    XCTAssertTrue(name.isIdentifier("sleep_ms"))
    XCTAssertFalse(name.isIdentifier("sleep"))
  }

  func testAttribute() {
    let attribute = AttributeSyntax(first(.attribute, in: "asyncio.sleep\n"))!
    XCTAssertEqual(attribute.value.asName?.identifier, "asyncio")
    XCTAssertEqual(attribute.name, "sleep")
    XCTAssertTrue(attribute.isName("sleep"))
  }

  func testCallArguments() {
    let call = CallSyntax(first(.call, in: "f(a, *b, c=1, **d)\n"))!
    XCTAssertEqual(call.callee.asName?.identifier, "f")
    let arguments = call.arguments
    XCTAssertEqual(arguments.map(\.kind), [.positional, .starred, .keyword, .doubleStarred])
    XCTAssertEqual(arguments.map(\.value.text), ["a", "b", "1", "d"])
    XCTAssertEqual(arguments[2].keyword, "c")
    XCTAssertNil(arguments[0].keyword)
    XCTAssertTrue(arguments[1].isStarred)
    XCTAssertTrue(arguments[3].isDoubleStarred)
    XCTAssertEqual(call.positionalArguments.count, 2)
    XCTAssertEqual(call.keywordArgument("c")?.value.asConstant?.integerValue, 1)
    XCTAssertNil(call.keywordArgument("d"))
  }

  func testSoleGeneratorArgument() {
    let call = CallSyntax(first(.call, in: "sum(x for x in y)\n"))!
    XCTAssertEqual(call.arguments.count, 1)
    XCTAssertEqual(call.arguments[0].kind, .positional)
    XCTAssertEqual(call.arguments[0].value.kind, .generatorExpression)
  }

  func testAwaitAndParentheses() {
    let awaited = AwaitSyntax(first(.awaitExpression, in: "await (f())\n"))!
    XCTAssertEqual(awaited.operand.kind, .parenthesized)
    XCTAssertEqual(awaited.operand.unparenthesized.kind, .call)
    XCTAssertEqual(ParenthesizedSyntax(awaited.operand)?.expression.kind, .call)
  }

  func testOperators() {
    XCTAssertEqual(BoolOperationSyntax(first(.boolOperation, in: "a and b and c\n"))!.operands.count, 3)
    XCTAssertEqual(BoolOperationSyntax(first(.boolOperation, in: "a or b\n"))!.operatorKind, .orKeyword)
    let binary = BinaryOperationSyntax(first(.binaryOperation, in: "a // b\n"))!
    XCTAssertEqual(binary.operatorKind, .doubleSlash)
    XCTAssertEqual(binary.left.text, "a")
    XCTAssertEqual(binary.right.text, "b")
    let unary = UnaryOperationSyntax(first(.unaryOperation, in: "not x\n"))!
    XCTAssertEqual(unary.operatorKind, .notKeyword)
    XCTAssertEqual(unary.operand.text, "x")
    let comparison = ComparisonSyntax(first(.comparison, in: "a < b == c != d in e not in f is g is not h\n"))!
    XCTAssertEqual(comparison.left.text, "a")
    XCTAssertEqual(comparison.comparators.map(\.text), ["b", "c", "d", "e", "f", "g", "h"])
    XCTAssertEqual(comparison.operators, [.less, .equal, .notEqual, .in, .notIn, .is, .isNot])
  }

  func testConditionalNamedStarredYield() {
    let conditional = ConditionalExpressionSyntax(first(.conditionalExpression, in: "a if b else c\n"))!
    XCTAssertEqual([conditional.body.text, conditional.test.text, conditional.orElse.text], ["a", "b", "c"])
    let named = NamedExpressionSyntax(first(.namedExpression, in: "(x := 1)\n"))!
    XCTAssertEqual(named.target.text, "x")
    XCTAssertEqual(named.value.text, "1")
    XCTAssertEqual(StarredSyntax(first(.starred, in: "*a, b = c\n"))!.value.text, "a")
    let yield = YieldSyntax(first(.yieldExpression, in: "x = (yield)\n"))!
    XCTAssertNil(yield.value)
    XCTAssertFalse(yield.isFrom)
    XCTAssertTrue(YieldSyntax(first(.yieldFromExpression, in: "x = yield from y\n"))!.isFrom)
  }

  func testLambdaAndParameters() {
    let lambda = LambdaSyntax(first(.lambda, in: "lambda: 0\n"))!
    XCTAssertTrue(lambda.parameters.parameters.isEmpty)
    XCTAssertEqual(lambda.body.text, "0")
    let parameters = ParametersSyntax(
      first(.parameters, in: "def f(a, /, b: int = 1, *args: *Ts, c, d=2, **kw: str): pass\n"))!
    let all = parameters.parameters
    XCTAssertEqual(all.map(\.name), ["a", "b", "args", "c", "d", "kw"])
    XCTAssertEqual(
      all.map(\.kind), [.positionalOnly, .regular, .variadicPositional, .keywordOnly, .keywordOnly, .variadicKeyword])
    XCTAssertEqual(all.map { $0.defaultValue?.text }, [nil, "1", nil, nil, "2", nil])
    XCTAssertEqual(all.map { $0.annotation?.text }, [nil, "int", "*Ts", nil, nil, "str"])
    let bare = ParametersSyntax(first(.parameters, in: "lambda a, *, b=1: 0\n"))!
    XCTAssertEqual(bare.parameters.map(\.kind), [.regular, .keywordOnly])
  }

  func testSubscriptsAndSlices() {
    let subscription = SubscriptSyntax(first(.subscription, in: "a[1:2]\n"))!
    XCTAssertEqual(subscription.value.text, "a")
    XCTAssertEqual(subscription.slice?.kind, .slice)
    func parts(_ source: String) -> [String?] {
      let slice = SliceSyntax(first(.slice, in: source))!
      return [slice.lower?.text, slice.upper?.text, slice.step?.text]
    }
    XCTAssertEqual(parts("a[1:2:3]\n"), ["1", "2", "3"])
    XCTAssertEqual(parts("a[:2]\n"), [nil, "2", nil])
    XCTAssertEqual(parts("a[::3]\n"), [nil, nil, "3"])
    XCTAssertEqual(parts("a[1::]\n"), ["1", nil, nil])
    XCTAssertEqual(parts("a[:]\n"), [nil, nil, nil])
  }

  func testConstants() {
    func constant(_ source: String) -> ConstantSyntax { ConstantSyntax(first(.constant, in: source + "\n"))! }
    XCTAssertEqual(constant("1_000").integerValue, 1000)
    XCTAssertEqual(constant("0x1F").integerValue, 31)
    XCTAssertEqual(constant("0o17").integerValue, 15)
    XCTAssertEqual(constant("0b101").integerValue, 5)
    XCTAssertEqual(constant("0").integerValue, 0)
    XCTAssertEqual(constant("0.2").kind, .float)
    XCTAssertEqual(constant("0.2").floatValue, 0.2)
    XCTAssertEqual(constant("1_0.5e1").floatText, "10.5e1")
    XCTAssertEqual(constant("1e3").kind, .float)
    XCTAssertEqual(constant("0xE").kind, .integer)
    XCTAssertEqual(constant("2j").kind, .imaginary)
    XCTAssertNil(constant("0.5").integerValue)
    XCTAssertEqual(constant("'a' 'b'").kind, .string)
    XCTAssertTrue(constant("u'a'").isString)
    XCTAssertEqual(constant("rb'a'").kind, .bytes)
    XCTAssertEqual(constant("True").kind, .true)
    XCTAssertEqual(constant("None").kind, .none)
    XCTAssertEqual(constant("...").kind, .ellipsis)
  }

  func testFormattedStrings() {
    let string = FormattedStringSyntax(first(.formattedString, in: "f'{a!r:>{w}} {b=}'\n"))!
    XCTAssertFalse(string.isTemplate)
    let fields = string.fields
    XCTAssertEqual(fields.map(\.expression.text), ["a", "b"])
    XCTAssertEqual(fields[0].conversionToken.map { string.node.tokenText($0) }, "r")
    XCTAssertNotNil(fields[0].formatSpec)
    XCTAssertFalse(fields[0].isDebug)
    XCTAssertTrue(fields[1].isDebug)
    XCTAssertTrue(FormattedStringSyntax(first(.templateString, in: "t'{x}'\n"))!.isTemplate)
  }

  func testDisplaysAndComprehensions() {
    XCTAssertEqual(CollectionSyntax(first(.tuple, in: "(a, b)\n"))!.isParenthesized, true)
    XCTAssertEqual(CollectionSyntax(first(.tuple, in: "a, b\n"))!.elements.count, 2)
    let dictionary = DictionarySyntax(first(.dictionary, in: "{a: 1, **b}\n"))!
    XCTAssertEqual(dictionary.entries.map { $0.key?.text }, ["a", nil])
    XCTAssertEqual(dictionary.entries.map { $0.value?.text }, ["1", "b"])
    XCTAssertEqual(dictionary.entries.map(\.isUnpacking), [false, true])
    let comprehension = ComprehensionSyntax(first(.dictionaryComprehension, in: "{k: v async for k, v in x if k}\n"))!
    XCTAssertEqual(comprehension.element.text, "k")
    XCTAssertEqual(comprehension.value?.text, "v")
    XCTAssertTrue(comprehension.isAsync)
    let clause = comprehension.clauses[0]
    XCTAssertEqual(clause.target.text, "k, v")
    XCTAssertEqual(clause.iterable.text, "x")
    XCTAssertEqual(clause.conditions.map(\.text), ["k"])
    XCTAssertFalse(ComprehensionSyntax(first(.listComprehension, in: "[x for x in y]\n"))!.isAsync)
  }
}
