/// Call arguments `( … )` and subscripts `[ … ]`.
extension Parser {
  // MARK: Arguments

  /// `(…)` of a call or class bases (current token `(`): an `.argumentList` spanning the
  /// parentheses whose children are the arguments in source order: positional expressions,
  /// `.starred` (`*args`), and `.keywordArgument` (`name=value`, or `**kwargs`).
  ///
  /// A sole generator argument `f(x for x in y)` is a `.generatorExpression` spanning the call's
  /// parentheses, as CPython's positions have it; the `.argumentList` then spans the same tokens.
  mutating func parseArgumentList() {
    let marker = mark()
    let opener = position
    guard current == .leftParen else {
      error("expected '('")
      finish(.argumentList, marker)
      return
    }
    guard enterNesting() else {
      skipTokens(stopAfterGroup: true)
      finish(.argumentList, marker)
      return
    }
    bump()
    var sawKeyword = false
    var sawDoubleStar = false
    var isFirst = true
    var progress = LoopProgress()
    while progress.advanced(self) && current != .rightParen && !current.isLayout {
      let argumentMarker = mark()
      switch current {
      case .star:
        if sawDoubleStar { error("iterable argument unpacking follows keyword argument unpacking") }
        bump()
        parseExpression()
        finish(.starred, argumentMarker)
      case .doubleStar:
        sawDoubleStar = true
        bump()
        parseExpression()
        finish(.keywordArgument, argumentMarker)
      case .name where peek() == .equal:
        sawKeyword = true
        bump()
        bump()
        parseExpression()
        finish(.keywordArgument, argumentMarker)
      default:
        parseNamedExpression()
        if atComprehensionFor() {
          parseComprehensionClauses()
          if isFirst && current == .rightParen {
            bump()
            finish(.generatorExpression, marker)
            leaveNesting()
            finish(.argumentList, marker)
            return
          }
          error("Generator expression must be parenthesized", at: argumentMarker.token)
          finish(.generatorExpression, argumentMarker)
        } else if current == .equal {
          error("expression cannot contain assignment, perhaps you meant \"==\"?", at: argumentMarker.token)
          bump()
          parseExpression()
          finish(.keywordArgument, argumentMarker)
        } else if sawDoubleStar {
          error("positional argument follows keyword argument unpacking", at: argumentMarker.token)
        } else if sawKeyword {
          error("positional argument follows keyword argument", at: argumentMarker.token)
        }
      }
      isFirst = false
      if !continueList(closer: .rightParen) { break }
    }
    expectClosing(.rightParen, opener: opener)
    leaveNesting()
    finish(.argumentList, marker)
  }

  // MARK: Subscripts

  /// `[slices]` after a primary (current token `[`); the caller wraps the `.subscription`. The
  /// slice is one expression or `.slice`, or a `.tuple` without brackets when there is a comma
  /// (`x[1:2, ::3]`, `x[*idx]`), as CPython's positions have it.
  mutating func parseSubscriptBrackets() {
    let opener = position
    guard enterNesting() else {
      skipTokens(stopAfterGroup: true)
      return
    }
    bump()
    let sliceMarker = mark()
    let firstIsStarred = current == .star
    parseSliceItem()
    if current == .comma || firstIsStarred {
      // `x[*idx]` is a one-element tuple, like `x[a,]`.
      var progress = LoopProgress()
      while progress.advanced(self) && continueList(closer: .rightSquare) {
        parseSliceItem()
      }
      finish(.tuple, sliceMarker)
    } else if continueList(closer: .rightSquare) {
      // A missing comma (`x[a b]`), reported by `continueList`.
      var progress = LoopProgress()
      repeat {
        parseSliceItem()
      } while progress.advanced(self) && continueList(closer: .rightSquare)
      finish(.tuple, sliceMarker)
    }
    expectClosing(.rightSquare, opener: opener)
    leaveNesting()
  }

  /// One element of a subscript: `*expression`, a named expression, or
  /// `[lower] : [upper] [: [step]]` as a `.slice` whose colons are direct tokens.
  private mutating func parseSliceItem() {
    let marker = mark()
    if current == .star {
      parseStarredBitwiseOr()
      return
    }
    if current != .colon { parseNamedExpression() }
    guard eat(.colon) else { return }
    if atExpressionStart() { parseExpression() }
    if eat(.colon) && atExpressionStart() { parseExpression() }
    finish(.slice, marker)
  }
}
