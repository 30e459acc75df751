/// Patterns of `case` clauses (PEP 634), built directly rather than through the expression
/// grammar: a pattern looks like an expression but means something else (`x` binds, `a.b`
/// compares, `Point(x=0)` matches attributes), and the shapes follow CPython's `ast`:
///
/// - `.matchValue(expr)`: literals (`.constant`, signed `.unaryOperation`, complex
///   `.binaryOperation`) and dotted names (`.attribute` over `.name`);
/// - `.matchSingleton`: `None`, `True`, `False` (the keyword token);
/// - `.matchAs`: a capture `x` or the wildcard `_` (name token only), or `pattern as x`;
/// - `.matchSequence`: `[…]`, `(…,)` (brackets included) or an open `a, *rest`;
/// - `.matchStar`: `*rest` / `*_`; `.matchOr`: `a | b | c` (one node);
/// - `.matchMapping`: `{…}` of `.mappingPatternEntry` (`key: pattern` or `**rest`);
/// - `.matchClass`: class expression, positional patterns, `.keywordPattern`s (`name=pattern`),
///   its parentheses as direct tokens;
/// - `.parenthesizedPattern`: `( pattern )`.
extension Parser {
  /// `patterns: open_sequence_pattern | pattern`: a `case` subject without brackets may be a
  /// sequence (`case a, *rest:`).
  mutating func parseCasePatterns() {
    let marker = mark()
    let startsWithStar = at(.star)
    parseMaybeStarPattern()
    guard at(.comma) else {
      // `case *rest:`: a star pattern only exists inside a sequence pattern.
      if startsWithStar { error("invalid syntax") }
      return
    }
    var progress = LoopProgress()
    while at(.comma) && progress.advanced(self) {
      bump()
      guard atPatternStart else { break }
      parseMaybeStarPattern()
    }
    finish(.matchSequence, marker)
  }

  /// Whether the current token can start a pattern.
  var atPatternStart: Bool {
    switch current {
    case .name, .number, .minus, .string, .fStringStart, .tStringStart, .noneKeyword, .trueKeyword,
      .falseKeyword, .leftParen, .leftSquare, .leftBrace, .star:
      true
    default:
      false
    }
  }

  /// `maybe_star_pattern: star_pattern | pattern`.
  private mutating func parseMaybeStarPattern() {
    guard at(.star) else {
      parsePattern()
      return
    }
    let marker = mark()
    bump()
    expectName()
    finish(.matchStar, marker)
  }

  /// `pattern: or_pattern ['as' NAME]`.
  private mutating func parsePattern() {
    let marker = mark()
    parseOrPattern()
    guard at(.asKeyword) else { return }
    bump()
    if at(.name) && tokenIs(position, "_") { error("cannot use '_' as a target") }
    expectName()
    finish(.matchAs, marker)
  }

  /// `or_pattern: closed_pattern ('|' closed_pattern)*`, one `.matchOr` for the whole chain.
  private mutating func parseOrPattern() {
    let marker = mark()
    parseClosedPattern()
    guard at(.pipe) else { return }
    var progress = LoopProgress()
    while at(.pipe) && progress.advanced(self) {
      bump()
      parseClosedPattern()
    }
    finish(.matchOr, marker)
  }

  /// `closed_pattern`: every pattern that is not an or-pattern or `as` pattern.
  private mutating func parseClosedPattern() {
    guard enterNesting() else {
      // Past the limit: keep one token (never recurse) so the enclosing loops still progress.
      let marker = mark()
      if !atLineEnd { bump() }
      finish(.errorExpression, marker)
      return
    }
    defer { leaveNesting() }
    let marker = mark()
    switch current {
    case .number, .minus:
      parseSignedNumber()
      finish(.matchValue, marker)
    case .string, .fStringStart, .tStringStart:
      parseStringPattern()
      finish(.matchValue, marker)
    case .noneKeyword, .trueKeyword, .falseKeyword:
      bump()
      finish(.matchSingleton, marker)
    case .name:
      parseNamePattern()
    case .leftParen:
      parseParenthesizedPattern()
    case .leftSquare:
      parseListPattern()
    case .leftBrace:
      parseMappingPattern()
    default:
      error("invalid syntax")
      finish(.errorExpression, marker)
    }
  }

  // MARK: Literals

  /// `signed_number` or `complex_number` as an expression: `1`, `-1`, `1+2j`, `-1-2j`.
  private mutating func parseSignedNumber() {
    let marker = mark()
    if at(.minus) {
      bump()
      parseNumberConstant()
      finish(.unaryOperation, marker)
    } else {
      parseNumberConstant()
    }
    guard at(.plus) || at(.minus) else { return }
    bump()
    let imaginary = position
    parseNumberConstant()
    if tokens.kinds[Int(imaginary)] == .number && !isImaginary(imaginary) {
      error("imaginary number required in complex literal", at: imaginary)
    }
    finish(.binaryOperation, marker)
  }

  /// A number token as a `.constant`, or an error when something else is there.
  private mutating func parseNumberConstant() {
    let marker = mark()
    guard at(.number) else {
      error("invalid syntax")
      finish(.errorExpression, marker)
      return
    }
    bump()
    finish(.constant, marker)
  }

  /// Whether number token `token` ends in `j`/`J`.
  private func isImaginary(_ token: UInt32) -> Bool {
    let end = tokens.textEnds[Int(token)]
    guard end > tokens.textStarts[Int(token)] else { return false }
    let last = source.bytes[Int(end) - 1]
    return last == UInt8(ascii: "j") || last == UInt8(ascii: "J")
  }

  /// Adjacent string literals as one `.constant`. f- and t-strings cannot be matched: they are
  /// reported and kept, whole, in an `.errorExpression`.
  private mutating func parseStringPattern() {
    let marker = mark()
    var formatted = false
    var progress = LoopProgress()
    while progress.advanced(self) {
      switch current {
      case .string:
        bump()
      case .fStringStart, .tStringStart:
        if !formatted { error("patterns may only match literals and attribute lookups") }
        formatted = true
        skipFormattedString()
      default:
        finish(formatted ? .errorExpression : .constant, marker)
        return
      }
    }
    finish(formatted ? .errorExpression : .constant, marker)
  }

  /// Moves past one f- or t-string, nested ones included (current token is its start).
  private mutating func skipFormattedString() {
    var depth = 0
    var progress = LoopProgress()
    while progress.advanced(self) {
      switch current {
      case .fStringStart, .tStringStart:
        depth += 1
      case .fStringEnd, .tStringEnd:
        depth -= 1
      case .newline, .endOfFile, .indent, .dedent:
        return
      default:
        break
      }
      bump()
      if depth == 0 { return }
    }
  }

  // MARK: Names

  /// A capture (`x`), the wildcard (`_`), a value (`a.b`) or a class pattern (`C(…)`, `a.C(…)`).
  private mutating func parseNamePattern() {
    let marker = mark()
    switch peek() {
    case .dot, .leftParen:
      parseDottedNameExpression()
      if at(.leftParen) {
        parseClassPatternArguments()
        finish(.matchClass, marker)
      } else {
        finish(.matchValue, marker)
      }
    default:
      bump()
      finish(.matchAs, marker)
    }
  }

  /// `name_or_attr`: a `.name`, wrapped in one `.attribute` per `.NAME` (current token is a name).
  private mutating func parseDottedNameExpression() {
    let marker = mark()
    bump()
    finish(.name, marker)
    var progress = LoopProgress()
    while at(.dot) && progress.advanced(self) {
      bump()
      expectName()
      finish(.attribute, marker)
    }
  }

  /// `'(' [pattern, …] [name=pattern, …] [','] ')'` after a class pattern's class.
  private mutating func parseClassPatternArguments() {
    bump()
    var sawKeyword = false
    var progress = LoopProgress()
    while !at(.rightParen) && !atLineEnd && progress.advanced(self) {
      if at(.name) && peek() == .equal {
        let keyword = mark()
        bump()
        bump()
        parsePattern()
        finish(.keywordPattern, keyword)
        sawKeyword = true
      } else {
        if sawKeyword { error("positional patterns follow keyword patterns") }
        parsePattern()
      }
      guard eat(.comma) else { break }
    }
    expect(.rightParen)
  }

  // MARK: Brackets

  /// `( pattern )` (a `.parenthesizedPattern`), `()` or `( pattern , … )` (a `.matchSequence`).
  private mutating func parseParenthesizedPattern() {
    let marker = mark()
    bump()
    if eat(.rightParen) {
      finish(.matchSequence, marker)
      return
    }
    let isStar = at(.star)
    parseMaybeStarPattern()
    guard at(.comma) else {
      expect(.rightParen)
      finish(isStar ? .matchSequence : .parenthesizedPattern, marker)
      return
    }
    parseSequencePatternRest(closer: .rightParen)
    finish(.matchSequence, marker)
  }

  /// `[ maybe_sequence_pattern? ]` (current token is `[`).
  private mutating func parseListPattern() {
    let marker = mark()
    bump()
    if eat(.rightSquare) {
      finish(.matchSequence, marker)
      return
    }
    parseMaybeStarPattern()
    parseSequencePatternRest(closer: .rightSquare)
    finish(.matchSequence, marker)
  }

  /// `(',' maybe_star_pattern)* [','] closer`, after a sequence's first element.
  private mutating func parseSequencePatternRest(closer: TokenKind) {
    var progress = LoopProgress()
    while at(.comma) && progress.advanced(self) {
      bump()
      guard !at(closer) && atPatternStart else { break }
      parseMaybeStarPattern()
    }
    expect(closer)
  }

  /// `{ key: pattern, …, **rest }` with `.mappingPatternEntry` children.
  private mutating func parseMappingPattern() {
    let marker = mark()
    bump()
    var sawRest = false
    var progress = LoopProgress()
    while !at(.rightBrace) && !atLineEnd && progress.advanced(self) {
      let entry = mark()
      if sawRest { error("invalid syntax") }
      if eat(.doubleStar) {
        expectName()
        sawRest = true
      } else {
        parseMappingKey()
        expect(.colon)
        parsePattern()
      }
      finish(.mappingPatternEntry, entry)
      guard eat(.comma) else { break }
    }
    expect(.rightBrace)
    finish(.matchMapping, marker)
  }

  /// A mapping pattern's key: a literal or a dotted name (an expression, as CPython's
  /// `MatchMapping.keys` are).
  private mutating func parseMappingKey() {
    switch current {
    case .number, .minus:
      parseSignedNumber()
    case .string, .fStringStart, .tStringStart:
      parseStringPattern()
    case .noneKeyword, .trueKeyword, .falseKeyword:
      let marker = mark()
      bump()
      finish(.constant, marker)
    case .name:
      if peek() != .dot { error("mapping pattern keys may only match literals and attribute lookups") }
      parseDottedNameExpression()
    default:
      let marker = mark()
      error("invalid syntax")
      finish(.errorExpression, marker)
    }
  }
}
