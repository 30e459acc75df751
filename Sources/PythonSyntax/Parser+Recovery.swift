/// Error recovery at statement level, in swift-syntax's spirit: report, keep every token in the
/// tree, and resume at the next statement.
///
/// Unexpected text up to the end of its logical line becomes an `.errorStatement`; a missing
/// expression becomes an empty `.errorExpression`; an unexpected indented block is parsed as
/// statements inside an `.errorStatement`, so the DEDENT that closes it is matched.
extension Parser {
  // MARK: Error statements

  /// Records `message` (if any) and keeps tokens in an `.errorStatement`: `tokens` of them, or by
  /// default everything up to the end of the logical line (not the NEWLINE itself). Consumes at
  /// least one token unless the line has ended. Text the lexer could not make sense of was
  /// reported by the lexer already, so it gets no second message.
  mutating func parseErrorStatement(message: String?, tokens count: Int? = nil) {
    let marker = mark()
    if let message, !at(.error) { error(message) }
    if let count {
      for _ in 0..<count { bump() }
    } else {
      while !atLineEnd { bump() }
    }
    finish(.errorStatement, marker)
  }

  /// An INDENT where no block starts: "unexpected indent", then the indented statements are
  /// parsed inside an `.errorStatement` (which also takes the matching DEDENT).
  mutating func parseUnexpectedIndent() {
    let marker = mark()
    // CPython points at the first token of the indented line, not at the zero-width INDENT.
    error("unexpected indent", at: position + 1)
    parseIndentedStatements(.block)
    finish(.errorStatement, marker)
  }

  /// A DEDENT at module level cannot close anything (the lexer balances INDENT and DEDENT, so
  /// this only guards against inconsistent input).
  mutating func parseStrayDedent() {
    parseErrorStatement(message: "invalid syntax", tokens: 1)
  }

  /// Past the nesting limit: every token up to the DEDENT closing the current indented block (not
  /// included) goes into one `.errorStatement`, without recursion.
  mutating func skipIndentedText() {
    let marker = mark()
    var depth = 0
    var progress = LoopProgress()
    scan: while progress.advanced(self) {
      switch current {
      case .endOfFile:
        break scan
      case .indent:
        depth += 1
      case .dedent:
        if depth == 0 { break scan }
        depth -= 1
      default:
        break
      }
      bump()
    }
    finish(.errorStatement, marker)
  }

  /// `elif`, `else`, `except` or `finally` that belongs to no statement: "invalid syntax", and the
  /// clause (header and block) is kept in an `.errorStatement`, so its body does not also report
  /// an unexpected indent.
  mutating func parseOrphanClause() {
    let marker = mark()
    let keyword = position
    error("invalid syntax")
    let owner: BlockOwner
    switch current {
    case .elifKeyword:
      owner = .elifClause
      bump()
      parseRequiredNamedExpression()
    case .exceptKeyword:
      owner = .exceptClause
      bump()
      _ = eat(.star)
      if atExpressionStart() {
        parseStarExpressions()
        if eat(.asKeyword) { expectName() }
      }
    case .finallyKeyword:
      owner = .finallyClause
      bump()
    default:
      owner = .elseClause
      bump()
    }
    parseColonAndBlock(owner, keyword: keyword)
    finish(.errorStatement, marker)
  }

  /// After a missing colon: keeps the text up to the colon (outside brackets) or the end of the
  /// line in an `.errorExpression`.
  mutating func skipToColon() {
    let marker = mark()
    var depth = 0
    var progress = LoopProgress()
    scan: while progress.advanced(self) {
      switch current {
      case .newline, .endOfFile, .indent, .dedent:
        break scan
      case .colon where depth == 0:
        break scan
      case .leftParen, .leftSquare, .leftBrace:
        depth += 1
      case .rightParen, .rightSquare, .rightBrace:
        depth = max(0, depth - 1)
      default:
        break
      }
      bump()
    }
    finish(.errorExpression, marker)
  }

  /// Records `message` at the current token, or, when that is a zero-width INDENT or DEDENT
  /// (which sit at the start of a line, before its indentation and any blank or comment lines),
  /// at the real token after it, as CPython does.
  mutating func errorAtSignificantToken(_ message: String) {
    var token = position
    while Int(token) < tokens.count - 1 && tokens.kinds[Int(token)].isIndentation { token += 1 }
    error(message, at: token)
  }

  // MARK: Missing expressions

  /// "expected expression" and an `.errorExpression` in place of the expression: empty, or
  /// holding the current token when it is text the lexer already reported.
  mutating func parseMissingExpression() {
    let marker = mark()
    if at(.error) {
      bump()
    } else {
      error("expected expression")
    }
    finish(.errorExpression, marker)
  }

  /// `expression`, or a reported `.errorExpression` when none starts here.
  mutating func parseRequiredExpression() {
    if atExpressionStart() && !at(.star) {
      parseExpression()
    } else {
      parseMissingExpression()
    }
  }

  /// `named_expression`, or a reported `.errorExpression` when none starts here.
  mutating func parseRequiredNamedExpression() {
    if atExpressionStart() && !at(.star) {
      parseNamedExpression()
    } else {
      parseMissingExpression()
    }
  }

  /// `star_expressions`, or a reported `.errorExpression` when none starts here.
  mutating func parseRequiredStarExpressions() {
    if atExpressionStart() {
      parseStarExpressions()
    } else {
      parseMissingExpression()
    }
  }

  // MARK: Reshaping

  /// Removes the node finished last when it is a tuple without brackets (`a, b`), so its elements
  /// become children of the node being built: `del a, b` has two targets, as in CPython's `ast`.
  mutating func dissolveBareTuple(since marker: Marker) {
    guard lastNodeIsBareTuple(since: marker) else { return }
    postNodes.removeLast()
  }

  /// Whether the node finished last is a tuple without brackets (`except A, B as e` needs them).
  func lastNodeIsBareTuple(since marker: Marker) -> Bool {
    guard lastNodeKind(since: marker) == .tuple else { return false }
    let tuple = postNodes.count - 1
    let subtreeStart = tuple - Int(postNodes[tuple].size) + 1
    guard subtreeStart < tuple else { return false }
    // Walk back over the children (post-order: each child's subtree ends just before the next).
    var child = tuple - 1
    while child - Int(postNodes[child].size) + 1 > subtreeStart {
      child -= Int(postNodes[child].size)
    }
    // A bracketed tuple starts at its `(`, before its first element.
    return postNodes[child].firstToken == postNodes[tuple].firstToken
  }
}

extension TokenKind {
  /// INDENT or DEDENT.
  var isIndentation: Bool { self == .indent || self == .dedent }
}
