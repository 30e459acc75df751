import XCTest
@testable import PythonSyntax

/// Positions of expression nodes, checked against CPython 3.13's `ast` (each table row was
/// compared node by node with `ast.parse` when written): for every node with an `ast` class (and
/// `.formatSpec`, CPython's format-spec `JoinedStr`), its kind and `line:col-endLine:endCol`, in
/// the tree's pre-order.
final class ExpressionPositionTests: XCTestCase {
  /// Node kinds whose positions are compared: CPython's expression classes, `keyword`, `arg`.
  static let comparedKinds: Set<NodeKind> = [
    .boolOperation, .namedExpression, .binaryOperation, .unaryOperation, .lambda, .conditionalExpression,
    .dictionary, .set, .listComprehension, .setComprehension, .dictionaryComprehension, .generatorExpression,
    .awaitExpression, .yieldExpression, .yieldFromExpression, .comparison, .call, .formattedString,
    .templateString, .formattedValue, .interpolation, .formatSpec, .constant, .attribute, .subscription,
    .starred, .name, .list, .tuple, .slice, .keywordArgument, .parameter,
  ]

  static let cases: [(String, [String])] = [
    ("x", ["Name 1:0-1:1"]),
    ("1, 2.5, 3j, 0x1F, 1_000", ["Tuple 1:0-1:23", "Constant 1:0-1:1", "Constant 1:3-1:6", "Constant 1:8-1:10", "Constant 1:12-1:16", "Constant 1:18-1:23"]),
    ("True, False, None, ...", ["Tuple 1:0-1:22", "Constant 1:0-1:4", "Constant 1:6-1:11", "Constant 1:13-1:17", "Constant 1:19-1:22"]),
    ("\"a\" 'b' \"\"\"c\"\"\"", ["Constant 1:0-1:15"]),
    ("b\"a\" rb'b'", ["Constant 1:0-1:10"]),
    ("f\"a{b}c\"", ["JoinedStr 1:0-1:8", "FormattedValue 1:3-1:6", "Name 1:4-1:5"]),
    ("f\"{x!r:>{w}.{p}}\"", ["JoinedStr 1:0-1:17", "FormattedValue 1:2-1:16", "Name 1:3-1:4", "FormatSpec 1:6-1:15", "FormattedValue 1:8-1:11", "Name 1:9-1:10", "FormattedValue 1:12-1:15", "Name 1:13-1:14"]),
    ("f\"{x=}\"", ["JoinedStr 1:0-1:7", "FormattedValue 1:2-1:6", "Name 1:3-1:4"]),
    ("f\"{x:}\"", ["JoinedStr 1:0-1:7", "FormattedValue 1:2-1:6", "Name 1:3-1:4", "FormatSpec 1:4-1:5"]),
    ("f\"{'nested' + f'{y}'}\"", ["JoinedStr 1:0-1:22", "FormattedValue 1:2-1:21", "BinOp 1:3-1:20", "Constant 1:3-1:11", "JoinedStr 1:14-1:20", "FormattedValue 1:16-1:19", "Name 1:17-1:18"]),
    ("f\"{*a,}\"", ["JoinedStr 1:0-1:8", "FormattedValue 1:2-1:7", "Tuple 1:3-1:6", "Starred 1:3-1:5", "Name 1:4-1:5"]),
    ("f\"{yield}\"", ["JoinedStr 1:0-1:10", "FormattedValue 1:2-1:9", "Yield 1:3-1:8"]),
    ("\"a\" f\"b{c}\" \"d\"", ["JoinedStr 1:0-1:15", "FormattedValue 1:7-1:10", "Name 1:8-1:9"]),
    ("()", ["Tuple 1:0-1:2"]),
    ("(x)", ["Name 1:1-1:2"]),
    ("((x))", ["Name 1:2-1:3"]),
    ("(x,)", ["Tuple 1:0-1:4", "Name 1:1-1:2"]),
    ("(x, y)", ["Tuple 1:0-1:6", "Name 1:1-1:2", "Name 1:4-1:5"]),
    ("(x, *y,)", ["Tuple 1:0-1:8", "Name 1:1-1:2", "Starred 1:4-1:6", "Name 1:5-1:6"]),
    ("(yield)", ["Yield 1:1-1:6"]),
    ("(yield x)", ["Yield 1:1-1:8", "Name 1:7-1:8"]),
    ("(yield from x)", ["YieldFrom 1:1-1:13", "Name 1:12-1:13"]),
    ("(x := 1)", ["NamedExpr 1:1-1:7", "Name 1:1-1:2", "Constant 1:6-1:7"]),
    ("(x for x in y)", ["GeneratorExp 1:0-1:14", "Name 1:1-1:2", "Name 1:7-1:8", "Name 1:12-1:13"]),
    ("[]", ["List 1:0-1:2"]),
    ("[x]", ["List 1:0-1:3", "Name 1:1-1:2"]),
    ("[x, *y, z,]", ["List 1:0-1:11", "Name 1:1-1:2", "Starred 1:4-1:6", "Name 1:5-1:6", "Name 1:8-1:9"]),
    ("[x for x in y if z]", ["ListComp 1:0-1:19", "Name 1:1-1:2", "Name 1:7-1:8", "Name 1:12-1:13", "Name 1:17-1:18"]),
    ("[x async for x in y]", ["ListComp 1:0-1:20", "Name 1:1-1:2", "Name 1:13-1:14", "Name 1:18-1:19"]),
    ("{}", ["Dict 1:0-1:2"]),
    ("{a: b}", ["Dict 1:0-1:6", "Name 1:1-1:2", "Name 1:4-1:5"]),
    ("{a: b, **c, d: e,}", ["Dict 1:0-1:18", "Name 1:1-1:2", "Name 1:4-1:5", "Name 1:9-1:10", "Name 1:12-1:13", "Name 1:15-1:16"]),
    ("{**a}", ["Dict 1:0-1:5", "Name 1:3-1:4"]),
    ("{a}", ["Set 1:0-1:3", "Name 1:1-1:2"]),
    ("{a, *b}", ["Set 1:0-1:7", "Name 1:1-1:2", "Starred 1:4-1:6", "Name 1:5-1:6"]),
    ("{x for x in y}", ["SetComp 1:0-1:14", "Name 1:1-1:2", "Name 1:7-1:8", "Name 1:12-1:13"]),
    ("{k: v for k, v in y}", ["DictComp 1:0-1:20", "Name 1:1-1:2", "Name 1:4-1:5", "Tuple 1:10-1:14", "Name 1:10-1:11", "Name 1:13-1:14", "Name 1:18-1:19"]),
    ("a or b or c", ["BoolOp 1:0-1:11", "Name 1:0-1:1", "Name 1:5-1:6", "Name 1:10-1:11"]),
    ("a and b or c and d", ["BoolOp 1:0-1:18", "BoolOp 1:0-1:7", "Name 1:0-1:1", "Name 1:6-1:7", "BoolOp 1:11-1:18", "Name 1:11-1:12", "Name 1:17-1:18"]),
    ("not a", ["UnaryOp 1:0-1:5", "Name 1:4-1:5"]),
    ("not not a", ["UnaryOp 1:0-1:9", "UnaryOp 1:4-1:9", "Name 1:8-1:9"]),
    ("a < b <= c == d != e > f >= g", ["Compare 1:0-1:29", "Name 1:0-1:1", "Name 1:4-1:5", "Name 1:9-1:10", "Name 1:14-1:15", "Name 1:19-1:20", "Name 1:23-1:24", "Name 1:28-1:29"]),
    ("a in b not in c is d is not e", ["Compare 1:0-1:29", "Name 1:0-1:1", "Name 1:5-1:6", "Name 1:14-1:15", "Name 1:19-1:20", "Name 1:28-1:29"]),
    ("a | b ^ c & d << e >> f", ["BinOp 1:0-1:23", "Name 1:0-1:1", "BinOp 1:4-1:23", "Name 1:4-1:5", "BinOp 1:8-1:23", "Name 1:8-1:9", "BinOp 1:12-1:23", "BinOp 1:12-1:18", "Name 1:12-1:13", "Name 1:17-1:18", "Name 1:22-1:23"]),
    ("a + b - c * d / e // f % g @ h", ["BinOp 1:0-1:30", "BinOp 1:0-1:5", "Name 1:0-1:1", "Name 1:4-1:5", "BinOp 1:8-1:30", "BinOp 1:8-1:26", "BinOp 1:8-1:22", "BinOp 1:8-1:17", "BinOp 1:8-1:13", "Name 1:8-1:9", "Name 1:12-1:13", "Name 1:16-1:17", "Name 1:21-1:22", "Name 1:25-1:26", "Name 1:29-1:30"]),
    ("-a, +a, ~a", ["Tuple 1:0-1:10", "UnaryOp 1:0-1:2", "Name 1:1-1:2", "UnaryOp 1:4-1:6", "Name 1:5-1:6", "UnaryOp 1:8-1:10", "Name 1:9-1:10"]),
    ("-a ** -b", ["UnaryOp 1:0-1:8", "BinOp 1:1-1:8", "Name 1:1-1:2", "UnaryOp 1:6-1:8", "Name 1:7-1:8"]),
    ("a ** b ** c", ["BinOp 1:0-1:11", "Name 1:0-1:1", "BinOp 1:5-1:11", "Name 1:5-1:6", "Name 1:10-1:11"]),
    ("await x", ["Await 1:0-1:7", "Name 1:6-1:7"]),
    ("await x.y(z)", ["Await 1:0-1:12", "Call 1:6-1:12", "Attribute 1:6-1:9", "Name 1:6-1:7", "Name 1:10-1:11"]),
    ("a if b else c", ["IfExp 1:0-1:13", "Name 1:0-1:1", "Name 1:5-1:6", "Name 1:12-1:13"]),
    ("a if b else c if d else e", ["IfExp 1:0-1:25", "Name 1:0-1:1", "Name 1:5-1:6", "IfExp 1:12-1:25", "Name 1:12-1:13", "Name 1:17-1:18", "Name 1:24-1:25"]),
    ("lambda: 0", ["Lambda 1:0-1:9", "Constant 1:8-1:9"]),
    ("lambda x, /, y=1, *a, z, w=2, **k: x", ["Lambda 1:0-1:36", "arg 1:7-1:8", "arg 1:13-1:14", "Constant 1:15-1:16", "arg 1:19-1:20", "arg 1:22-1:23", "arg 1:25-1:26", "Constant 1:27-1:28", "arg 1:32-1:33", "Name 1:35-1:36"]),
    ("lambda *, k: k", ["Lambda 1:0-1:14", "arg 1:10-1:11", "Name 1:13-1:14"]),
    ("x = y = z", ["Name 1:0-1:1", "Name 1:4-1:5", "Name 1:8-1:9"]),
    ("a.b.c", ["Attribute 1:0-1:5", "Attribute 1:0-1:3", "Name 1:0-1:1"]),
    ("f()", ["Call 1:0-1:3", "Name 1:0-1:1"]),
    ("f(a, b,)", ["Call 1:0-1:8", "Name 1:0-1:1", "Name 1:2-1:3", "Name 1:5-1:6"]),
    ("f(*a, **k)", ["Call 1:0-1:10", "Name 1:0-1:1", "Starred 1:2-1:4", "Name 1:3-1:4", "keyword 1:6-1:9", "Name 1:8-1:9"]),
    ("f(a, k=1, *b, **c)", ["Call 1:0-1:18", "Name 1:0-1:1", "Name 1:2-1:3", "keyword 1:5-1:8", "Constant 1:7-1:8", "Starred 1:10-1:12", "Name 1:11-1:12", "keyword 1:14-1:17", "Name 1:16-1:17"]),
    ("f(x for x in y)", ["Call 1:0-1:15", "Name 1:0-1:1", "GeneratorExp 1:1-1:15", "Name 1:2-1:3", "Name 1:8-1:9", "Name 1:13-1:14"]),
    ("f(a)(x for x in y)", ["Call 1:0-1:18", "Call 1:0-1:4", "Name 1:0-1:1", "Name 1:2-1:3", "GeneratorExp 1:4-1:18", "Name 1:5-1:6", "Name 1:11-1:12", "Name 1:16-1:17"]),
    ("f(x for x in y)[0]", ["Subscript 1:0-1:18", "Call 1:0-1:15", "Name 1:0-1:1", "GeneratorExp 1:1-1:15", "Name 1:2-1:3", "Name 1:8-1:9", "Name 1:13-1:14", "Constant 1:16-1:17"]),
    ("a[b]", ["Subscript 1:0-1:4", "Name 1:0-1:1", "Name 1:2-1:3"]),
    ("a[b:c]", ["Subscript 1:0-1:6", "Name 1:0-1:1", "Slice 1:2-1:5", "Name 1:2-1:3", "Name 1:4-1:5"]),
    ("a[b:c:d]", ["Subscript 1:0-1:8", "Name 1:0-1:1", "Slice 1:2-1:7", "Name 1:2-1:3", "Name 1:4-1:5", "Name 1:6-1:7"]),
    ("a[:]", ["Subscript 1:0-1:4", "Name 1:0-1:1", "Slice 1:2-1:3"]),
    ("a[::]", ["Subscript 1:0-1:5", "Name 1:0-1:1", "Slice 1:2-1:4"]),
    ("a[::2]", ["Subscript 1:0-1:6", "Name 1:0-1:1", "Slice 1:2-1:5", "Constant 1:4-1:5"]),
    ("a[1:2, ::3]", ["Subscript 1:0-1:11", "Name 1:0-1:1", "Tuple 1:2-1:10", "Slice 1:2-1:5", "Constant 1:2-1:3", "Constant 1:4-1:5", "Slice 1:7-1:10", "Constant 1:9-1:10"]),
    ("a[1,]", ["Subscript 1:0-1:5", "Name 1:0-1:1", "Tuple 1:2-1:4", "Constant 1:2-1:3"]),
    ("a[*b]", ["Subscript 1:0-1:5", "Name 1:0-1:1", "Tuple 1:2-1:4", "Starred 1:2-1:4", "Name 1:3-1:4"]),
    ("a[*b, c]", ["Subscript 1:0-1:8", "Name 1:0-1:1", "Tuple 1:2-1:7", "Starred 1:2-1:4", "Name 1:3-1:4", "Name 1:6-1:7"]),
    ("a[x := 1]", ["Subscript 1:0-1:9", "Name 1:0-1:1", "NamedExpr 1:2-1:8", "Name 1:2-1:3", "Constant 1:7-1:8"]),
    ("for x, in y: pass", ["Tuple 1:4-1:6", "Name 1:4-1:5", "Name 1:10-1:11"]),
    ("for (a, b), [c, *d] in e: pass", ["Tuple 1:4-1:19", "Tuple 1:4-1:10", "Name 1:5-1:6", "Name 1:8-1:9", "List 1:12-1:19", "Name 1:13-1:14", "Starred 1:16-1:18", "Name 1:17-1:18", "Name 1:23-1:24"]),
    ("x, *y = z", ["Tuple 1:0-1:5", "Name 1:0-1:1", "Starred 1:3-1:5", "Name 1:4-1:5", "Name 1:8-1:9"]),
    ("del a, b[0], c.d", ["Name 1:4-1:5", "Subscript 1:7-1:11", "Name 1:7-1:8", "Constant 1:9-1:10", "Attribute 1:13-1:16", "Name 1:13-1:14"]),
    ("with a as (b, c): pass", ["Name 1:5-1:6", "Tuple 1:10-1:16", "Name 1:11-1:12", "Name 1:14-1:15"]),
    ("def f(a: int = 1, *args: *Ts, b, **kw: str) -> None: pass", ["arg 1:6-1:12", "Name 1:9-1:12", "Constant 1:15-1:16", "arg 1:19-1:28", "Starred 1:25-1:28", "Name 1:26-1:28", "arg 1:30-1:31", "arg 1:35-1:42", "Name 1:39-1:42", "Constant 1:47-1:51"]),
    ("def g(a, b, /, c, *, d=1): pass", ["arg 1:6-1:7", "arg 1:9-1:10", "arg 1:15-1:16", "arg 1:21-1:22", "Constant 1:23-1:24"]),
    ("class C(B, metaclass=M): pass", ["Name 1:8-1:9", "keyword 1:11-1:22", "Name 1:21-1:22"]),
    ("@a.b(c)\\ndef f(): pass", ["Call 1:1-1:7", "Attribute 1:1-1:4", "Name 1:1-1:2", "Name 1:5-1:6"]),
    ("return_ = [i for i in range(10) for j in range(i) if i if j]", ["Name 1:0-1:7", "ListComp 1:10-1:60", "Name 1:11-1:12", "Name 1:17-1:18", "Call 1:22-1:31", "Name 1:22-1:27", "Constant 1:28-1:30", "Name 1:36-1:37", "Call 1:41-1:49", "Name 1:41-1:46", "Name 1:47-1:48", "Name 1:53-1:54", "Name 1:58-1:59"]),
    ("x = 1 if y else 2", ["Name 1:0-1:1", "IfExp 1:4-1:17", "Constant 1:4-1:5", "Name 1:9-1:10", "Constant 1:16-1:17"]),
    ("print(*args, sep=\"\", **kw)", ["Call 1:0-1:26", "Name 1:0-1:5", "Starred 1:6-1:11", "Name 1:7-1:11", "keyword 1:13-1:19", "Constant 1:17-1:19", "keyword 1:21-1:25", "Name 1:23-1:25"]),
    ("async def f():\\n    await x\\n    async for a in b: pass\\n    return [y async for y in z]", ["Await 2:4-2:11", "Name 2:10-2:11", "Name 3:14-3:15", "Name 3:19-3:20", "ListComp 4:11-4:31", "Name 4:12-4:13", "Name 4:24-4:25", "Name 4:29-4:30"])
  ]

  func testPositionsMatchCPython() {
    for (source, expected) in Self.cases {
      let text = source.replacingOccurrences(of: "\\n", with: "\n") + "\n"
      let tree = assertParse(text)
      let converter = ASTPositionConverter(tree)
      let actual: [String] = tree.root.descendantsAndSelf.filter { Self.comparedKinds.contains($0.kind) }.map { node in
        "\(node.kind.displayName) \(node.astTextRange.map { "\(converter.position(of: $0))" } ?? "-")"
      }
      XCTAssertEqual(actual, expected, source)
    }
  }
}
