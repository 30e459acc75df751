/// PEP 695 type parameter lists, with PEP 696 defaults: `[T: bound = default, *Ts, **P]`.
///
/// The list is a `.typeParameters` node holding the brackets and commas; each parameter is a
/// `.typeVar`, `.typeVarTuple` or `.paramSpec` whose name (and `*`/`**`, `:`, `=`) are direct
/// tokens and whose bound and default are child expressions, as CPython's positions cover them.
extension Parser {
  /// `'[' type_param (',' type_param)* [','] ']'` (current token is `[`).
  mutating func parseTypeParameters() {
    let marker = mark()
    bump()
    if at(.rightSquare) { error("Type parameter list cannot be empty") }
    var progress = LoopProgress()
    while !at(.rightSquare) && !atLineEnd && progress.advanced(self) {
      parseTypeParameter()
      guard eat(.comma) else { break }
    }
    expect(.rightSquare)
    finish(.typeParameters, marker)
  }

  /// `NAME [':' expression] ['=' expression]`, `'*' NAME ['=' star_expression]` or
  /// `'**' NAME ['=' expression]`.
  private mutating func parseTypeParameter() {
    let marker = mark()
    switch current {
    case .star:
      bump()
      expectName()
      if eat(.equal) {
        // `*Ts = *tuple[int, ...]`: the default may be starred.
        if at(.star) {
          let starred = mark()
          bump()
          parseRequiredExpression()
          finish(.starred, starred)
        } else {
          parseRequiredExpression()
        }
      }
      finish(.typeVarTuple, marker)
    case .doubleStar:
      bump()
      expectName()
      if eat(.equal) { parseRequiredExpression() }
      finish(.paramSpec, marker)
    default:
      expectName()
      if eat(.colon) { parseRequiredExpression() }
      if eat(.equal) { parseRequiredExpression() }
      finish(.typeVar, marker)
    }
  }
}
