/// The expression grammar's entry points and its operator levels.
///
/// Every rule records its node(s) and returns nothing: the caller takes a marker before calling a
/// rule when it may have to wrap the result (`a` becomes the left side of `a + b`).
///
/// Operators are parsed by one precedence-climbing loop (`parseBinary`) rather than one function
/// per level of CPython's grammar: a parenthesized atom then costs a handful of stack frames, not
/// fifteen, and an operand passes through one switch instead of a dozen calls.
extension Parser {
  // MARK: Entry points

  /// `expression`: a conditional expression or a lambda (no walrus, no unparenthesized star).
  mutating func parseExpression() {
    let marker = mark()
    switch current {
    case .lambdaKeyword:
      parseLambda()
      return
    case .name where followsOperand():
      // Fast path for the most common operand, a lone name (`f(a, b)`, `x = y`): skips the
      // operator levels entirely.
      bump()
      finish(.name, marker)
      return
    default:
      break
    }
    parseBinary(.disjunction)
    guard current == .ifKeyword else { return }
    // `a if b else c if d else e` nests to the right: each link recurses once.
    guard enterNesting() else {
      skipTokens(stopAfterGroup: false)
      finish(.conditionalExpression, marker)
      return
    }
    bump()
    parseBinary(.disjunction)
    if eat(.elseKeyword) {
      parseExpression()
    } else {
      error("expected 'else' after 'if' expression")
      recordMissingExpression()
    }
    leaveNesting()
    finish(.conditionalExpression, marker)
  }

  /// `named_expression`: `name := expression` or `expression`.
  mutating func parseNamedExpression() {
    guard current == .name && peek() == .colonEqual else {
      parseExpression()
      if current == .colonEqual { parseInvalidNamedExpressionTail() }
      return
    }
    let marker = mark()
    bump()
    finish(.name, marker)
    bump()
    parseExpression()
    finish(.namedExpression, marker)
  }

  /// `star_expressions`: one or more `expression`/`*bitwise_or` separated by commas; a `.tuple`
  /// node (without brackets) when there is a comma. A trailing comma belongs to the tuple, as in
  /// CPython's positions.
  mutating func parseStarExpressions() {
    let marker = mark()
    parseStarExpression()
    guard current == .comma else { return }
    var progress = LoopProgress()
    while current == .comma && progress.advanced(self) {
      bump()
      guard atExpressionStart() else { break }
      parseStarExpression()
    }
    finish(.tuple, marker)
  }

  /// `star_named_expressions` as a match subject takes them: one or more `named_expression` /
  /// `*bitwise_or` separated by commas (`match w := x, y:`); a `.tuple` when there is a comma.
  mutating func parseStarNamedExpressions() {
    let marker = mark()
    parseStarNamedExpression()
    guard current == .comma else { return }
    var progress = LoopProgress()
    while current == .comma && progress.advanced(self) {
      bump()
      guard atExpressionStart() else { break }
      parseStarNamedExpression()
    }
    finish(.tuple, marker)
  }

  /// `star_targets`: assignment targets for `for`, comprehensions and `del`; a `.tuple` when there
  /// is a comma. Stops before `in`, `=`, `:` and closing brackets. Targets that cannot be assigned
  /// to (`for f() in x`) are reported; with `deleting`, in `del`'s words ("cannot delete …", and
  /// `*a` is rejected).
  mutating func parseStarTargets(deleting: Bool = false) {
    let marker = mark()
    parseStarTarget(deleting: deleting)
    guard current == .comma else { return }
    var progress = LoopProgress()
    while current == .comma && progress.advanced(self) {
      bump()
      guard atExpressionStart() else { break }
      parseStarTarget(deleting: deleting)
    }
    finish(.tuple, marker)
  }

  /// `star_target`: ONE target (a `*target`, a name, attribute, subscript, or a bracketed list of
  /// targets), as after `with … as` where a comma starts the next item.
  mutating func parseStarTarget(deleting: Bool = false) {
    let marker = mark()
    if current == .star {
      bump()
      parseBinary(.bitwiseOr)
      finish(.starred, marker)
    } else {
      parseBinary(.bitwiseOr)
    }
    checkAssignmentTarget(since: marker, deleting: deleting)
  }

  /// `yield_expr`: `yield [star_expressions]` or `yield from expression` (current token is `yield`).
  /// The node spans only `yield` when no value follows (`x = (yield)`).
  mutating func parseYieldExpression() {
    let marker = mark()
    bump()
    if eat(.fromKeyword) {
      parseExpression()
      finish(.yieldFromExpression, marker)
      return
    }
    if atExpressionStart() { parseStarExpressions() }
    finish(.yieldExpression, marker)
  }

  /// Whether the current token can start an expression, `*` included (a starred element of
  /// `return *a, b`), `yield` and `**` not.
  func atExpressionStart() -> Bool {
    switch current {
    case .name, .number, .string, .fStringStart, .tStringStart, .leftParen, .leftSquare, .leftBrace,
      .minus, .plus, .tilde, .notKeyword, .lambdaKeyword, .awaitKeyword, .trueKeyword, .falseKeyword,
      .noneKeyword, .ellipsis, .star:
      true
    default:
      false
    }
  }

  /// Whether the token after the current one ends an expression that is just the current token
  /// (no trailer, operator or `if` can follow).
  @inline(__always) private func followsOperand() -> Bool {
    switch peek() {
    case .comma, .rightParen, .rightSquare, .rightBrace, .newline, .equal, .colon, .semicolon: true
    default: false
    }
  }

  // MARK: Star and named elements

  /// `star_expression`: `*bitwise_or` or `expression`.
  mutating func parseStarExpression() {
    if current == .star {
      parseStarredBitwiseOr()
    } else {
      parseExpression()
    }
  }

  /// `star_named_expression`: `*bitwise_or` or `named_expression` (display and subscript elements).
  mutating func parseStarNamedExpression() {
    if current == .star {
      parseStarredBitwiseOr()
    } else {
      parseNamedExpression()
    }
  }

  /// `'*' bitwise_or` as a `.starred` node (current token is `*`).
  mutating func parseStarredBitwiseOr() {
    let marker = mark()
    bump()
    parseBinary(.bitwiseOr)
    finish(.starred, marker)
  }

  /// `x.y := 1` or `(a) := 1`: only a name can be the target of `:=`. The already parsed target
  /// becomes the left side of a `.namedExpression` so no token is lost.
  private mutating func parseInvalidNamedExpressionTail() {
    let targetIndex = postNodes.count - 1
    let firstToken = postNodes[targetIndex].firstToken
    let marker = Marker(nodeCount: targetIndex + 1 - Int(postNodes[targetIndex].size), token: firstToken)
    error("cannot use assignment expressions with \(targetDescription(postNodes[targetIndex].kind))", at: firstToken)
    bump()
    parseExpression()
    finish(.namedExpression, marker)
  }

  // MARK: Operators

  /// Operator levels from loosest to tightest (CPython's grammar from `disjunction` down to
  /// `factor`); `parseBinary(level)` parses an operand in which every operator binds at least as
  /// tightly as `level`.
  enum OperatorLevel: UInt8, Comparable {
    case none = 0
    case disjunction, conjunction, inversion, comparison, bitwiseOr, bitwiseXor, bitwiseAnd, shift
    case sum, term, factor

    static func < (lhs: OperatorLevel, rhs: OperatorLevel) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The next tighter level (the right operand of a left-associative operator).
    var tighter: OperatorLevel { OperatorLevel(rawValue: rawValue + 1) ?? .factor }
  }

  /// The level of the infix operator at the current token, `.none` when there is none.
  @inline(__always) func infixLevel() -> OperatorLevel {
    switch current {
    case .orKeyword: .disjunction
    case .andKeyword: .conjunction
    case .less, .greater, .equalEqual, .notEqual, .lessEqual, .greaterEqual, .inKeyword, .isKeyword,
      .lessGreater:
      .comparison
    case .notKeyword: peek() == .inKeyword ? .comparison : .none
    case .pipe: .bitwiseOr
    case .caret: .bitwiseXor
    case .ampersand: .bitwiseAnd
    case .leftShift, .rightShift: .shift
    case .plus, .minus: .sum
    case .star, .slash, .doubleSlash, .percent, .at: .term
    default: .none
    }
  }

  /// Parses an operand at `level`: prefix operators (`not`, `-`, `+`, `~`), then `**` and the
  /// primary, then every infix operator binding at least as tightly as `level`.
  ///
  /// `a or b or c` is one `.boolOperation` and `a < b < c` one `.comparison` (each with the
  /// operators as direct tokens); other binary operators nest to the left.
  mutating func parseBinary(_ level: OperatorLevel) {
    let marker = mark()
    switch current {
    case .notKeyword where level <= .inversion:
      parsePrefixOperator(operandLevel: .inversion)
    case .minus, .plus, .tilde:
      parsePrefixOperator(operandLevel: .factor)
    default:
      parsePower()
    }
    var progress = LoopProgress()
    while progress.advanced(self) {
      let operatorLevel = infixLevel()
      guard operatorLevel != .none && operatorLevel >= level else { return }
      switch operatorLevel {
      case .disjunction, .conjunction:
        let keyword = current
        while current == keyword {
          bump()
          parseBinary(operatorLevel.tighter)
        }
        finish(.boolOperation, marker)
      case .comparison:
        var chain = LoopProgress()
        while chain.advanced(self) && infixLevel() == .comparison {
          if current == .lessGreater { error("invalid syntax: '<>' is not a comparison operator, use '!='") }
          // `not in` and `is not` are two tokens.
          if current == .notKeyword || (current == .isKeyword && peek() == .notKeyword) { bump() }
          bump()
          parseBinary(.bitwiseOr)
        }
        finish(.comparison, marker)
      default:
        bump()
        parseBinary(operatorLevel.tighter)
        finish(.binaryOperation, marker)
      }
    }
  }

  /// `not x`, `-x`, `+x`, `~x` (current token is the operator): a `.unaryOperation` whose operator
  /// is its direct token.
  private mutating func parsePrefixOperator(operandLevel: OperatorLevel) {
    let marker = mark()
    guard enterNesting() else {
      skipTokens(stopAfterGroup: false)
      return
    }
    bump()
    parseBinary(operandLevel)
    leaveNesting()
    finish(.unaryOperation, marker)
  }

  /// `power`: `await_primary ['**' factor]`. `**` is right-associative and binds tighter than a
  /// unary operator on its left (`-x**2` is `-(x**2)`) but not on its right (`2**-1`).
  private mutating func parsePower() {
    let marker = mark()
    parseAwaitPrimary()
    guard current == .doubleStar else { return }
    guard enterNesting() else {
      skipTokens(stopAfterGroup: false)
      finish(.binaryOperation, marker)
      return
    }
    bump()
    parseBinary(.factor)
    leaveNesting()
    finish(.binaryOperation, marker)
  }

  /// `await_primary`: `await primary` or `primary`.
  private mutating func parseAwaitPrimary() {
    guard current == .awaitKeyword else {
      parsePrimary()
      return
    }
    let marker = mark()
    bump()
    if current == .awaitKeyword { error("expected expression") }
    parsePrimary()
    finish(.awaitExpression, marker)
  }
}
