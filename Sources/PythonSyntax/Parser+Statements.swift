/// The statement grammar's entry point and the dispatch from a statement's first token.
///
/// Statement lists (the module, an indented block, the cases of a `match`) share one loop,
/// `parseStatementList`, so layout tokens and unexpected indentation are handled the same way
/// everywhere. Every byte ends up in some node: text that fits no statement becomes an
/// `.errorStatement` reaching to the end of its logical line.
extension Parser {
  /// `file: [statements] ENDMARKER`: a `.module` node covering every token, end of file included.
  mutating func parseModule() {
    let marker = mark()
    parseStatementList(.module)
    consumeEndOfFile()
    finish(.module, marker)
  }

  /// Where a statement list is and so what ends it.
  enum StatementListContext {
    /// The whole file: only the end of file ends it; a DEDENT here is stray.
    case module
    /// An indented block: a DEDENT (or the end of file) ends it.
    case block
    /// The indented body of a `match`: like a block, but each entry must be a `case`.
    case matchCases
  }

  /// Parses statements until the list ends, with the layout tokens between them (NEWLINE tokens
  /// of empty logical lines) as direct tokens of the enclosing node.
  mutating func parseStatementList(_ context: StatementListContext) {
    var progress = LoopProgress()
    while true {
      switch current {
      case .endOfFile:
        return
      case .dedent where context != .module:
        return
      default:
        break
      }
      guard progress.advanced(self) else {
        // Nothing consumed the previous token: keep it in an error statement and go on.
        parseErrorStatement(message: "invalid syntax", tokens: 1)
        continue
      }
      switch current {
      case .newline:
        // A logical line without a statement (only possible after recovery): the token belongs
        // to the list's node.
        bump()
      case .indent:
        parseUnexpectedIndent()
      case .dedent:
        parseStrayDedent()
      default:
        if context == .matchCases {
          parseMatchCaseOrError()
        } else {
          parseStatement()
        }
      }
    }
  }

  /// `statement: compound_stmt | simple_stmts`, dispatched on the first token.
  mutating func parseStatement() {
    switch current {
    case .defKeyword:
      parseFunctionDefinition(start: mark(), isAsync: false)
    case .classKeyword:
      parseClassDefinition(start: mark())
    case .at:
      parseDecoratedDefinition()
    case .asyncKeyword:
      parseAsyncStatement()
    case .ifKeyword:
      parseIfStatement()
    case .whileKeyword:
      parseWhileStatement()
    case .forKeyword:
      parseForStatement(start: mark(), isAsync: false)
    case .withKeyword:
      parseWithStatement(start: mark(), isAsync: false)
    case .tryKeyword:
      parseTryStatement()
    case .elifKeyword, .elseKeyword, .exceptKeyword, .finallyKeyword:
      parseOrphanClause()
    case .name:
      if parseMatchStatementIfPresent() { return }
      parseSimpleStatements()
    default:
      parseSimpleStatements()
    }
  }

  /// `async def`, `async for` or `async with` (current token is `async`). `async` before anything
  /// else is an error statement.
  mutating func parseAsyncStatement() {
    let marker = mark()
    switch peek() {
    case .defKeyword:
      bump()
      parseFunctionDefinition(start: marker, isAsync: true)
    case .forKeyword:
      bump()
      parseForStatement(start: marker, isAsync: true)
    case .withKeyword:
      bump()
      parseWithStatement(start: marker, isAsync: true)
    default:
      parseErrorStatement(message: "invalid syntax")
      _ = eat(.newline)
    }
  }

  /// `simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE`. The `;` and NEWLINE tokens
  /// belong to the enclosing node (module or block), not to the statements.
  mutating func parseSimpleStatements() {
    let diagnosticsBefore = diagnostics.count
    var progress = LoopProgress()
    while progress.advanced(self) {
      parseSimpleStatement()
      guard eat(.semicolon) else { break }
      if atLineEnd { break }
    }
    finishLogicalLine(reportedSince: diagnosticsBefore)
  }

  /// Whether the current token ends a logical line (or cannot be inside one).
  var atLineEnd: Bool {
    switch current {
    case .newline, .endOfFile, .indent, .dedent: true
    default: false
    }
  }

  /// After a line's statements: anything left before the NEWLINE becomes an error statement
  /// (reported unless this line already has an error), then the NEWLINE is consumed.
  mutating func finishLogicalLine(reportedSince diagnosticsBefore: Int) {
    if !atLineEnd {
      parseErrorStatement(message: diagnostics.count == diagnosticsBefore ? "invalid syntax" : nil)
    }
    _ = eat(.newline)
  }
}
