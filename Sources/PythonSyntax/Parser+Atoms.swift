/// Primaries (an atom and its trailers `.name`, `(args)`, `[slices]`) and atoms: names,
/// literals, and the bracketed displays `( )`, `[ ]`, `{ }` with their comprehensions.
extension Parser {
  // MARK: Primaries

  /// `primary`: an atom followed by any number of `.name`, `(arguments)` and `[slices]`, each
  /// wrapping what came before (`.attribute`, `.call`, `.subscription`).
  mutating func parsePrimary() {
    let marker = mark()
    parseAtom()
    var progress = LoopProgress()
    while progress.advanced(self) {
      switch current {
      case .dot:
        bump()
        if current == .name {
          bump()
        } else if current.isKeyword {
          // `a.class`: keep the keyword as the attribute name so the tree stays readable.
          error("invalid syntax: a keyword cannot be an attribute name")
          bump()
        } else {
          error("expected attribute name after '.'")
        }
        finish(.attribute, marker)
      case .leftParen:
        parseArgumentList()
        finish(.call, marker)
      case .leftSquare:
        parseSubscriptBrackets()
        finish(.subscription, marker)
      default:
        return
      }
    }
  }

  // MARK: Atoms

  /// `atom`: a name, literal, string concatenation or bracketed display. Anything else is
  /// reported as a missing expression.
  mutating func parseAtom() {
    let marker = mark()
    switch current {
    case .name:
      bump()
      finish(.name, marker)
    case .number, .trueKeyword, .falseKeyword, .noneKeyword, .ellipsis:
      bump()
      finish(.constant, marker)
    case .string, .fStringStart, .tStringStart:
      parseStrings()
    case .leftParen:
      parseParenthesizedAtom()
    case .leftSquare:
      parseListDisplay()
    case .leftBrace:
      parseBraceDisplay()
    case .star:
      error("cannot use starred expression here")
      parseStarredBitwiseOr()
    case .lambdaKeyword:
      error("invalid syntax: a lambda must be parenthesized here")
      parseLambda()
    case .yieldKeyword:
      error("invalid syntax: a yield expression must be parenthesized here")
      parseYieldExpression()
    case .notKeyword:
      // `a + not b`: CPython rejects it; keep `not b` as the operand.
      error("invalid syntax: 'not' must be parenthesized here")
      parseBinary(.inversion)
    default:
      recordMissingExpression()
    }
  }

  /// `( … )`: the empty tuple, a parenthesized yield, expression or named expression
  /// (`.parenthesized`), a tuple (`.tuple` including the parentheses) or a generator expression
  /// (`.generatorExpression` including them).
  mutating func parseParenthesizedAtom() {
    let marker = mark()
    let opener = position
    guard enterNesting() else {
      skipTokens(stopAfterGroup: true)
      return
    }
    defer { leaveNesting() }
    bump()
    switch current {
    case .rightParen:
      bump()
      finish(.tuple, marker)
      return
    case .yieldKeyword:
      parseYieldExpression()
      expectClosing(.rightParen, opener: opener)
      finish(.parenthesized, marker)
      return
    default:
      break
    }
    let firstIsStarred = current == .star
    parseStarNamedExpression()
    let hasComma = current == .comma
    if atComprehensionFor() {
      if firstIsStarred { error("iterable unpacking cannot be used in comprehension", at: opener + 1) }
      parseComprehensionClauses()
      expectClosing(.rightParen, opener: opener)
      finish(.generatorExpression, marker)
    } else if continueList(closer: .rightParen) {
      parseListElements(closer: .rightParen)
      expectClosing(.rightParen, opener: opener)
      finish(.tuple, marker)
    } else if hasComma {
      // `(a,)`: `continueList` consumed the comma and stopped at the closer.
      expectClosing(.rightParen, opener: opener)
      finish(.tuple, marker)
    } else {
      if firstIsStarred { error("cannot use starred expression here", at: opener + 1) }
      expectClosing(.rightParen, opener: opener)
      finish(.parenthesized, marker)
    }
  }

  /// `[ … ]`: a `.list` or `.listComprehension`.
  mutating func parseListDisplay() {
    let marker = mark()
    let opener = position
    guard enterNesting() else {
      skipTokens(stopAfterGroup: true)
      return
    }
    defer { leaveNesting() }
    bump()
    if eat(.rightSquare) {
      finish(.list, marker)
      return
    }
    let firstIsStarred = current == .star
    parseStarNamedExpression()
    if atComprehensionFor() {
      if firstIsStarred { error("iterable unpacking cannot be used in comprehension", at: opener + 1) }
      parseComprehensionClauses()
      expectClosing(.rightSquare, opener: opener)
      finish(.listComprehension, marker)
      return
    }
    if continueList(closer: .rightSquare) { parseListElements(closer: .rightSquare) }
    expectClosing(.rightSquare, opener: opener)
    finish(.list, marker)
  }

  /// `{ … }`: a `.dictionary` (of `.dictionaryEntry` nodes), `.set`, `.dictionaryComprehension`
  /// (key and value as direct children, `:` a direct token) or `.setComprehension`.
  mutating func parseBraceDisplay() {
    let marker = mark()
    let opener = position
    guard enterNesting() else {
      skipTokens(stopAfterGroup: true)
      return
    }
    defer { leaveNesting() }
    bump()
    if eat(.rightBrace) {
      finish(.dictionary, marker)
      return
    }
    if current == .doubleStar {
      parseDictionaryEntry()
      if atComprehensionFor() {
        error("dict unpacking cannot be used in dict comprehension")
        parseComprehensionClauses()
        expectClosing(.rightBrace, opener: opener)
        finish(.dictionaryComprehension, marker)
        return
      }
      parseDictionaryEntriesAfterFirst(opener: opener)
      finish(.dictionary, marker)
      return
    }
    let entryMarker = mark()
    let firstIsStarred = current == .star
    parseStarNamedExpression()
    if current == .colon {
      // A key is an `expression`: `{x := 1: 2}` and `{*a: 1}` are not dict displays (a
      // parenthesized walrus is a `.parenthesized` node and fine).
      if let last = postNodes.last?.kind, last == .namedExpression || last == .starred { error("invalid syntax") }
      bump()
      parseExpression()
      if atComprehensionFor() {
        parseComprehensionClauses()
        expectClosing(.rightBrace, opener: opener)
        finish(.dictionaryComprehension, marker)
        return
      }
      finish(.dictionaryEntry, entryMarker)
      parseDictionaryEntriesAfterFirst(opener: opener)
      finish(.dictionary, marker)
      return
    }
    if atComprehensionFor() {
      if firstIsStarred { error("iterable unpacking cannot be used in comprehension", at: opener + 1) }
      parseComprehensionClauses()
      expectClosing(.rightBrace, opener: opener)
      finish(.setComprehension, marker)
      return
    }
    if continueList(closer: .rightBrace) { parseListElements(closer: .rightBrace) }
    expectClosing(.rightBrace, opener: opener)
    finish(.set, marker)
  }

  /// The entries after the first of a dict display, and its closing brace.
  private mutating func parseDictionaryEntriesAfterFirst(opener: UInt32) {
    var progress = LoopProgress()
    while progress.advanced(self) && continueList(closer: .rightBrace) {
      parseDictionaryEntry()
    }
    expectClosing(.rightBrace, opener: opener)
  }

  /// `key: value` or `**mapping` as a `.dictionaryEntry`.
  private mutating func parseDictionaryEntry() {
    let marker = mark()
    if eat(.doubleStar) {
      parseBinary(.bitwiseOr)
    } else {
      parseExpression()
      if eat(.colon) {
        parseExpression()
      } else {
        error("':' expected after dictionary key")
      }
    }
    finish(.dictionaryEntry, marker)
  }

  /// The elements after the first of a tuple, list or set display (the separator after the first
  /// was consumed by `continueList`).
  private mutating func parseListElements(closer: TokenKind) {
    var progress = LoopProgress()
    repeat {
      parseStarNamedExpression()
    } while progress.advanced(self) && continueList(closer: closer)
  }

  // MARK: Comprehensions

  /// Whether the current token starts a comprehension clause (`for` or `async for`).
  @inline(__always) func atComprehensionFor() -> Bool {
    current == .forKeyword || (current == .asyncKeyword && peek() == .forKeyword)
  }

  /// `for_if_clauses`: one `.comprehensionClause` per `[async] for targets in disjunction
  /// (if disjunction)*`; its children are the target, the iterable and the conditions.
  mutating func parseComprehensionClauses() {
    var progress = LoopProgress()
    while progress.advanced(self) && atComprehensionFor() {
      let marker = mark()
      if current == .asyncKeyword { bump() }
      bump()
      parseStarTargets()
      if eat(.inKeyword) {
        parseBinary(.disjunction)
      } else {
        error("expected 'in'")
        recordMissingExpression()
      }
      while eat(.ifKeyword) {
        parseBinary(.disjunction)
      }
      finish(.comprehensionClause, marker)
    }
  }

  // MARK: Lambda

  /// `lambda [parameters]: expression`: a `.lambda` holding a `.parameters` node (always present,
  /// empty for `lambda: x`, without parentheses) and the body.
  mutating func parseLambda() {
    let marker = mark()
    guard enterNesting() else {
      skipTokens(stopAfterGroup: false)
      return
    }
    bump()
    parseLambdaParameters()
    if eat(.colon) {
      parseExpression()
    } else {
      error("expected ':'")
      recordMissingExpression()
    }
    leaveNesting()
    finish(.lambda, marker)
  }
}
