/// Definitions: decorators, `def`, `async def` and `class`.
///
/// A decorated definition is one node whose first children are its `.decorator`s (CPython's
/// positions start at `def`/`class`; the JSON emitter skips the decorators). The name is a direct
/// token (not a `Name` in CPython's `ast`).
extension Parser {
  /// `decorators (function_def | class_def)` (current token is `@`). Decorators followed by
  /// anything else are reported and kept, with the statement that follows, in an
  /// `.errorStatement`.
  mutating func parseDecoratedDefinition() {
    let marker = mark()
    let diagnosticsBefore = diagnostics.count
    var progress = LoopProgress()
    while at(.at) && progress.advanced(self) {
      parseDecorator()
    }
    switch current {
    case .defKeyword:
      parseFunctionDefinition(start: marker, isAsync: false)
    case .classKeyword:
      parseClassDefinition(start: marker)
    case .asyncKeyword where peek() == .defKeyword:
      bump()
      parseFunctionDefinition(start: marker, isAsync: true)
    default:
      // A decorator that already failed (`@` alone) explains enough.
      if diagnostics.count == diagnosticsBefore { error("invalid syntax") }
      if !atLineEnd { parseStatement() }
      finish(.errorStatement, marker)
    }
  }

  /// `'@' named_expression NEWLINE` as a `.decorator` (its NEWLINE included).
  private mutating func parseDecorator() {
    let marker = mark()
    bump()
    parseRequiredNamedExpression()
    if !atLineEnd {
      // Text after the decorator's expression: kept, reported once.
      let rest = mark()
      error("invalid syntax")
      while !atLineEnd { bump() }
      finish(.errorExpression, rest)
    }
    _ = eat(.newline)
    finish(.decorator, marker)
  }

  /// `'def' NAME [type_params] parameters ['->' expression] ':' block` (current token is `def`;
  /// `start` is before the decorators and `async`, when there are any).
  mutating func parseFunctionDefinition(start: Marker, isAsync: Bool) {
    let keyword = position
    bump()
    expectName()
    if at(.leftSquare) { parseTypeParameters() }
    if at(.leftParen) {
      parseParameterList()
    } else {
      error("expected '('")
    }
    if eat(.arrow) { parseRequiredExpression() }
    parseColonAndBlock(.functionDefinition, keyword: keyword)
    finish(isAsync ? .asyncFunctionDef : .functionDef, start)
  }

  /// `'class' NAME [type_params] ['(' [arguments] ')'] ':' block` (current token is `class`).
  mutating func parseClassDefinition(start: Marker) {
    let keyword = position
    bump()
    expectName()
    if at(.leftSquare) { parseTypeParameters() }
    if at(.leftParen) {
      parseArgumentList()
      reportGeneratorAsBases()
    }
    parseColonAndBlock(.classDefinition, keyword: keyword)
    finish(.classDef, start)
  }

  /// `class C(x for x in y):` — a call may take a generator without brackets of its own, class
  /// bases may not. (The argument list was finished last; its only child sits right before it.)
  private mutating func reportGeneratorAsBases() {
    let list = postNodes.count - 1
    guard list >= 1, postNodes[list].kind == .argumentList, postNodes[list - 1].kind == .generatorExpression,
      postNodes[list].size == postNodes[list - 1].size + 1
    else { return }
    let generator = list - 1
    // The sole-argument generator shares the call's parentheses: it starts where the list does,
    // or (without them) at its first child, never at a `(` of its own.
    var sharesBrackets = postNodes[generator].firstToken == postNodes[list].firstToken
    let firstDescendant = generator - Int(postNodes[generator].size) + 1
    if !sharesBrackets && firstDescendant < generator {
      var child = generator - 1
      while child - Int(postNodes[child].size) + 1 > firstDescendant { child -= Int(postNodes[child].size) }
      sharesBrackets = postNodes[child].firstToken == postNodes[generator].firstToken
    }
    if sharesBrackets { error("invalid syntax", at: postNodes[generator].firstToken) }
  }
}
