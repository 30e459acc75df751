/// The colon after a compound statement's header and the block that follows it.
///
/// A `.block` is either `NEWLINE INDENT statement+ DEDENT` or the simple statements written on
/// the header's line and their NEWLINE. Its layout tokens are its own direct tokens; CPython's
/// positions ignore them, so a compound statement still ends with its last body statement.
extension Parser {
  /// Which statement a block belongs to, for CPython's "expected an indented block after …".
  enum BlockOwner {
    case ifStatement, elifClause, elseClause, whileStatement, forStatement, withStatement, tryStatement
    case exceptClause, exceptStarClause, finallyClause, matchStatement, caseClause
    case functionDefinition, classDefinition

    var description: String {
      switch self {
      case .ifStatement: "'if' statement"
      case .elifClause: "'elif' statement"
      case .elseClause: "'else' statement"
      case .whileStatement: "'while' statement"
      case .forStatement: "'for' statement"
      case .withStatement: "'with' statement"
      case .tryStatement: "'try' statement"
      case .exceptClause: "'except' statement"
      case .exceptStarClause: "'except*' statement"
      case .finallyClause: "'finally' statement"
      case .matchStatement: "'match' statement"
      case .caseClause: "'case' statement"
      case .functionDefinition: "function definition"
      case .classDefinition: "class definition"
      }
    }
  }

  /// `':' block` after a header whose keyword is token `keyword`.
  ///
  /// A missing colon is reported ("expected ':'"); text before the colon that fits nothing is kept
  /// in an `.errorExpression`, and the block is parsed all the same (an indented body after a
  /// header without a colon is what a person forgetting the colon writes).
  mutating func parseColonAndBlock(_ owner: BlockOwner, keyword: UInt32) {
    if eat(.colon) {
      parseBlock(owner, keyword: keyword, reportMissingIndent: true)
      return
    }
    // One error per header is enough (CPython reports only the first).
    if !headerHasError(keyword: keyword) { error("expected ':'") }
    if !atLineEnd {
      skipToColon()
      _ = eat(.colon)
    }
    parseBlock(owner, keyword: keyword, reportMissingIndent: false)
  }

  /// Whether an error was recorded since the header's keyword (token `keyword`).
  private func headerHasError(keyword: UInt32) -> Bool {
    guard let last = diagnostics.last else { return false }
    return last.offset >= tokens.textStarts[Int(keyword)]
  }

  /// `block: NEWLINE INDENT statements DEDENT | simple_stmts`, as one `.block` node.
  mutating func parseBlock(_ owner: BlockOwner, keyword: UInt32, reportMissingIndent: Bool) {
    let marker = mark()
    switch current {
    case .newline:
      bump()
      if at(.indent) {
        parseIndentedStatements(.block)
      } else if reportMissingIndent {
        reportMissingIndentedBlock(owner, keyword: keyword)
      }
    case .endOfFile, .indent, .dedent:
      if reportMissingIndent { reportMissingIndentedBlock(owner, keyword: keyword) }
    default:
      // Statements on the header's line (`if x: a(); b()`); a compound statement there becomes
      // an error statement.
      parseSimpleStatements()
    }
    finish(.block, marker)
  }

  /// `INDENT statement+ DEDENT` (current token is INDENT). Past the nesting limit, the whole
  /// indented text is kept in one error statement instead of being parsed.
  mutating func parseIndentedStatements(_ context: StatementListContext) {
    bump()
    guard enterNesting() else {
      skipIndentedText()
      _ = eat(.dedent)
      return
    }
    parseStatementList(context)
    leaveNesting()
    _ = eat(.dedent)
  }

  /// CPython's IndentationError, reported at the token that should have been indented.
  private mutating func reportMissingIndentedBlock(_ owner: BlockOwner, keyword: UInt32) {
    let line = source.line(of: tokens.textStarts[Int(keyword)])
    errorAtSignificantToken("expected an indented block after \(owner.description) on line \(line)")
  }
}
