// PLACEHOLDER interface: the expression grammar work replaces every body here.
// Statement parsing calls only these entry points.
extension Parser {
  /// `expression`: a conditional expression or a lambda (no walrus, no unparenthesized star).
  mutating func parseExpression() { parsePlaceholderAtom() }
  /// `named_expression`: `name := expression` or `expression`.
  mutating func parseNamedExpression() { parsePlaceholderAtom() }
  /// `star_expressions`: one or more `expression`/`*bitwise_or` separated by commas; a `.tuple`
  /// node (without brackets) when there is a comma.
  mutating func parseStarExpressions() { parsePlaceholderAtom() }
  /// `star_targets`: assignment targets for `for`, `with … as`, comprehensions and `del`; a
  /// `.tuple` when there is a comma. Stops before `in`, `=`, `:` and closing brackets.
  mutating func parseStarTargets() { parsePlaceholderAtom() }
  /// `yield_expr`: `yield [star_expressions]` or `yield from expression` (current token is `yield`).
  mutating func parseYieldExpression() { parsePlaceholderAtom() }
  /// `(…)` of a `def`: a `.parameters` node holding `.parameter` nodes, defaults and markers.
  mutating func parseParameterList() { parsePlaceholderAtom() }
  /// `(…)` of a call or class bases: an `.argumentList` node.
  mutating func parseArgumentList() { parsePlaceholderAtom() }
  /// Whether the current token can start an expression.
  func atExpressionStart() -> Bool { current == .name }

  private mutating func parsePlaceholderAtom() {
    let marker = mark()
    bump()
    finish(.name, marker)
  }
}
