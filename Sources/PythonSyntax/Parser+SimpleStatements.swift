/// Simple statements: everything that fits on one logical line and has no block.
///
/// Each node covers exactly the statement's tokens (never the `;` or NEWLINE after it), which is
/// what CPython's positions cover.
extension Parser {
  /// `simple_stmt`, dispatched on the first token.
  mutating func parseSimpleStatement() {
    switch current {
    case .passKeyword:
      parseKeywordStatement(.passStatement)
    case .breakKeyword:
      parseKeywordStatement(.breakStatement)
    case .continueKeyword:
      parseKeywordStatement(.continueStatement)
    case .returnKeyword:
      parseReturnStatement()
    case .raiseKeyword:
      parseRaiseStatement()
    case .delKeyword:
      parseDeleteStatement()
    case .globalKeyword:
      parseNameListStatement(.globalStatement)
    case .nonlocalKeyword:
      parseNameListStatement(.nonlocalStatement)
    case .assertKeyword:
      parseAssertStatement()
    case .importKeyword:
      parseImportStatement()
    case .fromKeyword:
      parseImportFromStatement()
    case .name where atTypeAliasStart:
      parseTypeAlias()
    case .yieldKeyword:
      parseExpressionOrAssignment()
    default:
      if atExpressionStart() {
        parseExpressionOrAssignment()
      } else {
        parseErrorStatement(message: "invalid syntax")
      }
    }
  }

  /// `pass`, `break`, `continue`: the keyword alone.
  private mutating func parseKeywordStatement(_ kind: NodeKind) {
    let marker = mark()
    bump()
    finish(kind, marker)
  }

  // MARK: Expressions and assignments

  /// An expression statement, `a = b = value`, `target: annotation [= value]` or `x += value`:
  /// all start with an expression, and the token after it decides which.
  mutating func parseExpressionOrAssignment() {
    let marker = mark()
    if at(.yieldKeyword) {
      parseYieldExpression()
    } else {
      parseStarExpressions()
    }
    switch current {
    case .equal:
      // `(star_targets '=')+ (yield_expr | star_expressions)`: every part but the last is a target.
      var part = marker
      var progress = LoopProgress()
      while at(.equal) && progress.advanced(self) {
        checkAssignmentTarget(since: part)
        bump()
        part = mark()
        parseAssignedValue()
      }
      finish(.assignment, marker)
    case .colon:
      checkAnnotationTarget(since: marker)
      bump()
      parseRequiredExpression()
      if eat(.equal) { parseAssignedValue() }
      finish(.annotatedAssignment, marker)
    case .plusEqual, .minusEqual, .starEqual, .slashEqual, .doubleSlashEqual, .percentEqual, .doubleStarEqual,
      .atEqual, .pipeEqual, .ampersandEqual, .caretEqual, .leftShiftEqual, .rightShiftEqual:
      checkAugmentedTarget(since: marker)
      bump()
      parseAssignedValue()
      finish(.augmentedAssignment, marker)
    default:
      finish(.expressionStatement, marker)
    }
  }

  /// The right side of `=`, `:` … `=` or an augmented operator: `yield_expr | star_expressions`.
  private mutating func parseAssignedValue() {
    if at(.yieldKeyword) {
      parseYieldExpression()
    } else {
      parseRequiredStarExpressions()
    }
  }

  /// Only a name, attribute or subscript (possibly in parentheses) can be annotated; `a, b: int`
  /// and `[a]: int` get CPython's own messages.
  private mutating func checkAnnotationTarget(since marker: Marker) {
    guard let kind = singleTargetKind(since: marker) else { return }
    switch kind {
    case .name, .attribute, .subscription, .errorExpression: break
    case .tuple: error("only single target (not tuple) can be annotated", at: marker.token)
    case .list: error("only single target (not list) can be annotated", at: marker.token)
    default: error("illegal target for annotation", at: marker.token)
    }
  }

  /// `x += 1` needs a single name, attribute or subscript.
  private mutating func checkAugmentedTarget(since marker: Marker) {
    guard let kind = singleTargetKind(since: marker) else { return }
    switch kind {
    case .name, .attribute, .subscription, .errorExpression: break
    default: error("'\(targetDescription(kind))' is an illegal expression for augmented assignment", at: marker.token)
    }
  }

  /// The kind of the node finished last, looking through parentheses (`(a): int`, `(a) += 1`).
  private func singleTargetKind(since marker: Marker) -> NodeKind? {
    guard postNodes.count > marker.nodeCount else { return nil }
    var node = postNodes.count - 1
    // A parenthesized expression's only child sits right before it in post-order.
    while postNodes[node].kind == .parenthesized && node > marker.nodeCount { node -= 1 }
    return postNodes[node].kind
  }

  // MARK: Keyword statements

  /// `return [star_expressions]`.
  private mutating func parseReturnStatement() {
    let marker = mark()
    bump()
    if atExpressionStart() { parseStarExpressions() }
    finish(.returnStatement, marker)
  }

  /// `raise [expression ['from' expression]]`.
  private mutating func parseRaiseStatement() {
    let marker = mark()
    bump()
    if atExpressionStart() {
      parseExpression()
      if eat(.fromKeyword) { parseRequiredExpression() }
    }
    finish(.raiseStatement, marker)
  }

  /// `del del_targets`: each target is a child (`del a, b` has two, as CPython's `targets` list;
  /// `del (a, b)` has one tuple).
  private mutating func parseDeleteStatement() {
    let marker = mark()
    bump()
    let targets = mark()
    if atExpressionStart() {
      // Parsed as expressions and then checked as deletion targets, so the messages are
      // CPython's ("cannot delete function call", "cannot delete starred").
      parseStarExpressions()
      checkAssignmentTarget(since: targets, deleting: true)
      dissolveBareTuple(since: targets)
    } else {
      parseMissingExpression()
    }
    finish(.deleteStatement, marker)
  }

  /// `global a, b` and `nonlocal a, b`: the names are direct tokens (they are not `Name` nodes in
  /// CPython's `ast`).
  private mutating func parseNameListStatement(_ kind: NodeKind) {
    let marker = mark()
    bump()
    expectName()
    var progress = LoopProgress()
    while at(.comma) && progress.advanced(self) {
      bump()
      expectName()
    }
    finish(kind, marker)
  }

  /// `assert expression [',' expression]`.
  private mutating func parseAssertStatement() {
    let marker = mark()
    bump()
    parseRequiredExpression()
    if eat(.comma) { parseRequiredExpression() }
    finish(.assertStatement, marker)
  }

  // MARK: Imports

  /// `import dotted_as_names`: `.importAlias` children, each holding a `.dottedName`.
  private mutating func parseImportStatement() {
    let marker = mark()
    bump()
    if !at(.name) {
      error("Expected one or more names after 'import'")
      finish(.importStatement, marker)
      return
    }
    var progress = LoopProgress()
    repeat {
      guard progress.advanced(self) else { break }
      let alias = mark()
      parseDottedName()
      if eat(.asKeyword) { expectName() }
      finish(.importAlias, alias)
    } while eat(.comma)
    finish(.importStatement, marker)
  }

  /// `from ('.' | '...')* dotted_name import targets` or `from ('.' | '...')+ import targets`.
  /// The leading dots are direct tokens; the module path is a `.dottedName`; each imported name
  /// is an `.importAlias` holding the name token (or `*`) and its `as` name.
  private mutating func parseImportFromStatement() {
    let marker = mark()
    bump()
    var sawDots = false
    while at(.dot) || at(.ellipsis) {
      sawDots = true
      bump()
    }
    if at(.name) {
      parseDottedName()
    } else if !sawDots {
      error("invalid syntax")
    }
    guard expect(.importKeyword) else {
      finish(.importFromStatement, marker)
      return
    }
    if at(.star) {
      let alias = mark()
      bump()
      finish(.importAlias, alias)
    } else if atLineEnd {
      error("Expected one or more names after 'import'")
    } else if eat(.leftParen) {
      parseImportFromNames(parenthesized: true)
      expect(.rightParen)
    } else {
      parseImportFromNames(parenthesized: false)
    }
    finish(.importFromStatement, marker)
  }

  /// `import_from_as_names`: `name [as name]` separated by commas; a trailing comma only inside
  /// parentheses.
  private mutating func parseImportFromNames(parenthesized: Bool) {
    var progress = LoopProgress()
    repeat {
      guard progress.advanced(self) else { break }
      if parenthesized && at(.rightParen) { break }
      if !parenthesized && atLineEnd {
        error("trailing comma not allowed without surrounding parentheses")
        break
      }
      let alias = mark()
      expectName()
      if eat(.asKeyword) { expectName() }
      finish(.importAlias, alias)
    } while eat(.comma)
  }

  /// `a.b.c` as a `.dottedName` node whose names and dots are direct tokens.
  private mutating func parseDottedName() {
    let marker = mark()
    expectName()
    var progress = LoopProgress()
    while at(.dot) && progress.advanced(self) {
      bump()
      expectName()
    }
    finish(.dottedName, marker)
  }

  // MARK: Type aliases

  /// Whether the current `type` starts a type alias: the soft keyword counts only before a name
  /// followed by `=` or `[` (anything else is `type` used as a name).
  var atTypeAliasStart: Bool {
    peek() == .name && (peek(2) == .equal || peek(2) == .leftSquare) && atSoftKeyword("type")
  }

  /// `type NAME [type_params] = expression`. The alias name is a `.name` node (CPython's
  /// `TypeAlias.name` is a `Name`).
  private mutating func parseTypeAlias() {
    let marker = mark()
    bump()
    let name = mark()
    bump()
    finish(.name, name)
    if at(.leftSquare) { parseTypeParameters() }
    if expect(.equal) { parseRequiredExpression() }
    finish(.typeAlias, marker)
  }

  // MARK: Names

  /// Consumes a name token, or records "invalid syntax" (CPython's word for a missing name).
  mutating func expectName() {
    if !eat(.name) { error("invalid syntax") }
  }
}
