/// Compound statements other than definitions: `if`, `while`, `for`, `with`, `try`, `match`.
///
/// Each is one node from its first keyword (`async` included) to the end of its last block; its
/// keywords, colons and `as`/`in` are direct tokens, its clauses (`.elifClause`, `.elseClause`,
/// `.exceptClause`, `.finallyClause`, `.matchCase`) are children with blocks of their own.
extension Parser {
  // MARK: if, while, for

  /// `if named_expression ':' block elif_clause* [else_clause]`.
  mutating func parseIfStatement() {
    let marker = mark()
    let keyword = position
    bump()
    parseRequiredNamedExpression()
    parseColonAndBlock(.ifStatement, keyword: keyword)
    var progress = LoopProgress()
    while at(.elifKeyword) && progress.advanced(self) {
      let clause = mark()
      let elifKeyword = position
      bump()
      parseRequiredNamedExpression()
      parseColonAndBlock(.elifClause, keyword: elifKeyword)
      finish(.elifClause, clause)
    }
    if at(.elseKeyword) { parseElseClause() }
    finish(.ifStatement, marker)
  }

  /// `else ':' block` as an `.elseClause` (current token is `else`).
  mutating func parseElseClause() {
    let clause = mark()
    let keyword = position
    bump()
    parseColonAndBlock(.elseClause, keyword: keyword)
    finish(.elseClause, clause)
  }

  /// `while named_expression ':' block [else_clause]`.
  mutating func parseWhileStatement() {
    let marker = mark()
    let keyword = position
    bump()
    parseRequiredNamedExpression()
    parseColonAndBlock(.whileStatement, keyword: keyword)
    if at(.elseKeyword) { parseElseClause() }
    finish(.whileStatement, marker)
  }

  /// `['async'] for star_targets in star_expressions ':' block [else_clause]` (current token is
  /// `for`; `start` is before `async` when there is one).
  mutating func parseForStatement(start: Marker, isAsync: Bool) {
    let keyword = position
    bump()
    if atExpressionStart() {
      parseStarTargets()
    } else {
      parseMissingExpression()
    }
    if eat(.inKeyword) {
      parseRequiredStarExpressions()
    } else {
      error("invalid syntax")
    }
    parseColonAndBlock(.forStatement, keyword: keyword)
    if at(.elseKeyword) { parseElseClause() }
    finish(isAsync ? .asyncForStatement : .forStatement, start)
  }

  // MARK: with

  /// `['async'] with with_items ':' block`. The items are `.withItem` children; brackets around
  /// the item list (`with (a as b, c):`) are direct tokens of the statement.
  mutating func parseWithStatement(start: Marker, isAsync: Bool) {
    let keyword = position
    bump()
    if !(at(.leftParen) && parseParenthesizedWithItems()) {
      var progress = LoopProgress()
      repeat {
        guard progress.advanced(self) else { break }
        parseWithItem()
      } while eat(.comma)
    }
    parseColonAndBlock(.withStatement, keyword: keyword)
    finish(isAsync ? .asyncWithStatement : .withStatement, start)
  }

  /// `'(' ','.with_item+ ','? ')' ':'` — tried first, as CPython's PEG grammar does, so
  /// `with (a, b):` has two items while `with (a, b) as c:` has one tuple item. Returns false
  /// (having consumed nothing) when the brackets are not an item list.
  private mutating func parseParenthesizedWithItems() -> Bool {
    let start = checkpoint()
    bump()
    var progress = LoopProgress()
    while progress.advanced(self) && atExpressionStart() && !at(.star) {
      parseWithItem()
      guard eat(.comma) else { break }
    }
    if at(.rightParen) && peek() == .colon && position > start.position + 1
      && diagnostics.count == start.diagnosticCount
    {
      bump()
      return true
    }
    restore(start)
    return false
  }

  /// `with_item: expression ['as' star_target]`.
  private mutating func parseWithItem() {
    let marker = mark()
    parseRequiredExpression()
    if eat(.asKeyword) {
      if atExpressionStart() {
        parseStarTarget()
      } else {
        parseMissingExpression()
      }
    }
    finish(.withItem, marker)
  }

  // MARK: try

  /// `try ':' block (except_clause+ [else_clause] [finally_clause] | finally_clause)`; a
  /// `.tryStarStatement` when the handlers are `except*`.
  mutating func parseTryStatement() {
    let marker = mark()
    let keyword = position
    bump()
    parseColonAndBlock(.tryStatement, keyword: keyword)
    var sawPlain = false
    var sawStar = false
    var progress = LoopProgress()
    while at(.exceptKeyword) && progress.advanced(self) {
      let isStar = peek() == .star
      if (isStar && sawPlain) || (!isStar && sawStar) {
        error("cannot have both 'except' and 'except*' on the same 'try'")
      }
      if isStar { sawStar = true } else { sawPlain = true }
      parseExceptClause()
    }
    let hasHandlers = sawPlain || sawStar
    if at(.elseKeyword) {
      if !hasHandlers { error("invalid syntax") }
      parseElseClause()
    }
    if at(.finallyKeyword) {
      let clause = mark()
      let finallyKeyword = position
      bump()
      parseColonAndBlock(.finallyClause, keyword: finallyKeyword)
      finish(.finallyClause, clause)
    } else if !hasHandlers {
      errorAtSignificantToken("expected 'except' or 'finally' block")
    }
    finish(sawStar && !sawPlain ? .tryStarStatement : .tryStatement, marker)
  }

  /// `except ['*'] [expression ['as' NAME]] ':' block`, with PEP 758's `except A, B:` (a tuple
  /// without brackets, allowed only without `as`).
  private mutating func parseExceptClause() {
    let clause = mark()
    let keyword = position
    bump()
    let isStar = eat(.star)
    if atExpressionStart() && !at(.star) {
      let type = mark()
      parseStarExpressions()
      if at(.asKeyword) {
        if lastNodeIsBareTuple(since: type) {
          error("multiple exception types must be parenthesized when using 'as'", at: type.token)
        }
        bump()
        expectName()
      }
    } else if isStar {
      error("expected one or more exception types")
    }
    parseColonAndBlock(isStar ? .exceptStarClause : .exceptClause, keyword: keyword)
    finish(.exceptClause, clause)
  }

  // MARK: match

  /// `match subject_expr ':' NEWLINE INDENT case_block+ DEDENT`, when the current name token is
  /// the soft keyword `match` starting one. Returns false, having consumed nothing, for any other
  /// name and when `match` is an ordinary name (`match = 1`, `match(x)`, `match.group()`).
  ///
  /// The statement is committed to once `match <subject> : NEWLINE` parsed without error; its
  /// cases are `.matchCase` children and the NEWLINE, INDENT and DEDENT are its direct tokens.
  mutating func parseMatchStatementIfPresent() -> Bool {
    // Cheap rejection first (most statements start with a name followed by `=`, `.` or `(`… and
    // are not `match`): the subject must start right after the name.
    position += 1
    let subjectFollows = atExpressionStart()
    position -= 1
    guard subjectFollows && atSoftKeyword("match") else { return false }
    let start = checkpoint()
    let marker = mark()
    let keyword = position
    bump()
    parseMatchSubject()
    // `match[x]: int` is an annotation: a match statement's colon ends the line.
    guard at(.colon) && peek() == .newline && diagnostics.count == start.diagnosticCount else {
      restore(start)
      return false
    }
    bump()
    bump()
    if at(.indent) {
      parseIndentedStatements(.matchCases)
    } else {
      reportMatchWithoutCases(keyword: keyword)
    }
    finish(.matchStatement, marker)
    return true
  }

  /// `subject_expr: star_named_expression ',' star_named_expressions? | named_expression`; a
  /// `.tuple` without brackets when there is a comma (`match a, *rest:`, `match w := x,:`).
  private mutating func parseMatchSubject() {
    let subject = mark()
    parseStarNamedExpression()
    guard at(.comma) else { return }
    var progress = LoopProgress()
    while at(.comma) && progress.advanced(self) {
      bump()
      guard atExpressionStart() else { break }
      parseStarNamedExpression()
    }
    finish(.tuple, subject)
  }

  private mutating func reportMatchWithoutCases(keyword: UInt32) {
    let line = source.line(of: tokens.textStarts[Int(keyword)])
    errorAtSignificantToken("expected an indented block after 'match' statement on line \(line)")
  }

  /// One entry of a match body: `case …`, or anything else kept as an `.errorStatement`.
  mutating func parseMatchCaseOrError() {
    if atSoftKeyword("case") {
      parseMatchCase()
      return
    }
    let marker = mark()
    error("invalid syntax")
    parseStatement()
    finish(.errorStatement, marker)
  }

  /// `case patterns [if named_expression] ':' block` as a `.matchCase`.
  private mutating func parseMatchCase() {
    let marker = mark()
    let keyword = position
    bump()
    parseCasePatterns()
    if eat(.ifKeyword) { parseRequiredNamedExpression() }
    parseColonAndBlock(.caseClause, keyword: keyword)
    finish(.matchCase, marker)
  }
}
