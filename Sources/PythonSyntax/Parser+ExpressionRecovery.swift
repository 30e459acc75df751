/// How the expression grammar reports and recovers from errors: missing expressions, missing
/// separators and closers, text past the nesting limit, and targets that cannot be assigned to.
///
/// Recovery never consumes a NEWLINE, INDENT, DEDENT or end of file, nor a closing bracket that
/// an enclosing construct is waiting for, so the statement parser can resynchronise.
extension Parser {
  // MARK: Missing and unexpected text

  /// Records an `.errorExpression` where an expression was required: empty, with "expected
  /// expression", or holding the current token when it is text the lexer could not make sense of
  /// (which the lexer has reported already).
  mutating func recordMissingExpression() {
    let marker = mark()
    if current == .error {
      bump()
    } else {
      error("expected expression")
    }
    finish(.errorExpression, marker)
  }

  /// Records the tokens from here as one `.errorExpression`, without recursing: up to (not
  /// including) a closing bracket or string end that was opened before, or the end of the line.
  /// With `stopAfterGroup`, also stops right after the bracket group that starts here closes
  /// (used at an opening bracket past the nesting limit).
  mutating func skipTokens(stopAfterGroup: Bool) {
    let marker = mark()
    var depth = 0
    var progress = LoopProgress()
    scan: while progress.advanced(self) {
      switch current {
      case .leftParen, .leftSquare, .leftBrace, .fStringStart, .tStringStart:
        depth += 1
      case .rightParen, .rightSquare, .rightBrace, .fStringEnd, .tStringEnd:
        if depth == 0 { break scan }
        depth -= 1
        if depth == 0 && stopAfterGroup {
          bump()
          break scan
        }
      case .newline, .indent, .dedent, .endOfFile:
        break scan
      default:
        break
      }
      bump()
    }
    finish(.errorExpression, marker)
  }

  // MARK: Lists and brackets

  /// After an element of a comma-separated list closed by `closer`: consumes the comma and tells
  /// whether another element follows. A missing comma between two expressions is reported and
  /// the list goes on (`f(a b)`); anything else ends the list for `expectClosing` to deal with.
  mutating func continueList(closer: TokenKind) -> Bool {
    if current == .comma {
      bump()
      return current != closer && !current.isLayout
    }
    if current != closer && atExpressionStart() {
      error("invalid syntax. Perhaps you forgot a comma?")
      return true
    }
    return false
  }

  /// Consumes `closer`, the bracket matching the one at token `opener`. Unexpected text before it
  /// is kept in an `.errorExpression`; a bracket still open at the end of the file is reported as
  /// never closed (at the opening bracket, as CPython does).
  mutating func expectClosing(_ closer: TokenKind, opener: UInt32) {
    if eat(closer) { return }
    switch current {
    case .rightParen, .rightSquare, .rightBrace, .fStringEnd, .tStringEnd:
      error("expected \(closer.displayName)")
    case .newline, .indent, .dedent, .endOfFile:
      reportNeverClosed(opener)
    default:
      // Skip to the closer; when the line ends first, the bracket was never closed, which says
      // more than the unexpected token does.
      let unexpected = position
      skipTokens(stopAfterGroup: false)
      if current.isLayout {
        reportNeverClosed(opener)
      } else {
        error("expected \(closer.displayName)", at: unexpected)
        _ = eat(closer)
      }
    }
  }

  /// Reports the innermost unclosed bracket only, as CPython does: the enclosing ones are
  /// unclosed for the same reason.
  private mutating func reportNeverClosed(_ opener: UInt32) {
    if let last = diagnostics.last, last.message.hasSuffix("was never closed") { return }
    let text = tokens.kinds[Int(opener)].fixedText ?? "("
    error("'\(text)' was never closed", at: opener)
  }

  // MARK: Targets

  /// Reports the parts of the target finished last (since `marker`) that cannot be assigned to
  /// (or deleted): only names, attributes, subscripts, and starred, parenthesized, tuple or list
  /// groupings of them can be. The statement parser calls this for `x = …` targets too.
  mutating func checkAssignmentTarget(since marker: Marker, deleting: Bool = false) {
    guard postNodes.count > marker.nodeCount else { return }
    checkTarget(postNodes.count - 1, deleting: deleting)
  }

  /// Checks the node at post-order index `node`; its children are found walking backwards
  /// (the last child sits right before its parent).
  private mutating func checkTarget(_ node: Int, deleting: Bool) {
    switch postNodes[node].kind {
    case .name, .attribute, .subscription, .errorExpression:
      return
    case .parenthesized:
      if node > 0 { checkTarget(node - 1, deleting: deleting) }
    case .starred where !deleting:
      if node > 0 { checkTarget(node - 1, deleting: deleting) }
    case .tuple, .list:
      let stop = node - Int(postNodes[node].size)
      var child = node - 1
      while child > stop {
        checkTarget(child, deleting: deleting)
        child -= Int(postNodes[child].size)
      }
    default:
      let verb = deleting ? "delete" : "assign to"
      error("cannot \(verb) \(targetDescription(postNodes[node].kind))", at: postNodes[node].firstToken)
    }
  }

  /// How CPython names an expression that cannot be a target ("cannot assign to function call").
  func targetDescription(_ kind: NodeKind) -> String {
    switch kind {
    case .constant: "literal"
    case .call: "function call"
    case .comparison: "comparison"
    case .lambda: "lambda"
    case .conditionalExpression: "conditional expression"
    case .awaitExpression: "await expression"
    case .yieldExpression, .yieldFromExpression: "yield expression"
    case .generatorExpression: "generator expression"
    case .listComprehension: "list comprehension"
    case .setComprehension: "set comprehension"
    case .dictionaryComprehension: "dict comprehension"
    case .dictionary: "dict literal"
    case .set: "set display"
    case .namedExpression: "named expression"
    case .formattedString: "f-string expression"
    case .templateString: "t-string expression"
    case .starred: "starred"
    case .attribute: "attribute"
    case .subscription: "subscript"
    case .tuple: "tuple"
    case .list: "list"
    default: "expression"
    }
  }
}
