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
    if at(.leftParen) { parseArgumentList() }
    parseColonAndBlock(.classDefinition, keyword: keyword)
    finish(.classDef, start)
  }
}
