/// Parameters of `def` (in parentheses, with annotations) and of `lambda` (bare, without).
///
/// Shape: a `.parameters` node holding, in source order, one `.parameter` per name (`name` or
/// `name: annotation`), each default as a sibling expression right after its `=` token, and the
/// markers `/`, `*` and `**` as direct tokens (`*args` is the `*` token then `.parameter(args)`).
extension Parser {
  /// `(…)` of a `def` (current token `(`): a `.parameters` node spanning the parentheses.
  mutating func parseParameterList() {
    let marker = mark()
    let opener = position
    guard current == .leftParen else {
      error("expected '('")
      finish(.parameters, marker)
      return
    }
    bump()
    parseParameterItems(closer: .rightParen, annotated: true)
    expectClosing(.rightParen, opener: opener)
    finish(.parameters, marker)
  }

  /// The parameters of a `lambda`, up to its colon: a `.parameters` node without parentheses,
  /// present (and empty) even for `lambda: x`, so a lambda's first child is always its parameters.
  mutating func parseLambdaParameters() {
    let marker = mark()
    parseParameterItems(closer: .colon, annotated: false)
    finish(.parameters, marker)
  }

  /// Where in a parameter list the parser is, for CPython's ordering errors.
  private enum ParameterSection: UInt8, Comparable {
    case positional, keywordOnly, afterDoubleStar

    static func < (lhs: ParameterSection, rhs: ParameterSection) -> Bool { lhs.rawValue < rhs.rawValue }
  }

  /// The comma-separated items before `closer`; reports what CPython's grammar rejects (order of
  /// `/`, `*`, `**`, defaults).
  private mutating func parseParameterItems(closer: TokenKind, annotated: Bool) {
    var section = ParameterSection.positional
    var sawSlash = false
    var sawStar = false
    var sawDefault = false
    var parametersBeforeSlash = 0
    var progress = LoopProgress()
    while progress.advanced(self) && current != closer {
      let itemToken = position
      switch current {
      case .slash:
        if sawSlash {
          error("/ may appear only once")
        } else if sawStar {
          error("/ must be ahead of *")
        } else if parametersBeforeSlash == 0 {
          error("at least one argument must precede /")
        }
        sawSlash = true
        bump()
      case .star:
        if sawStar { error("* argument may appear only once") }
        if section == .afterDoubleStar { error("arguments cannot follow var-keyword argument") }
        sawStar = true
        section = .keywordOnly
        bump()
        if current == .name {
          parseParameter(annotated: annotated, allowsStarredAnnotation: true)
          if current == .equal {
            error("var-positional argument cannot have default value")
            bump()
            parseExpression()
          }
        } else if current == .comma && (peek() == .doubleStar || peek() == closer) || current == closer {
          error("named arguments must follow bare *", at: itemToken)
        }
      case .doubleStar:
        if section == .afterDoubleStar { error("arguments cannot follow var-keyword argument") }
        section = .afterDoubleStar
        bump()
        if current == .name {
          parseParameter(annotated: annotated, allowsStarredAnnotation: false)
        } else {
          error("expected parameter name")
        }
        if current == .equal {
          error("var-keyword argument cannot have default value")
          bump()
          parseExpression()
        }
      case .name:
        if section == .afterDoubleStar { error("arguments cannot follow var-keyword argument") }
        parseParameter(annotated: annotated, allowsStarredAnnotation: false)
        if eat(.equal) {
          parseExpression()
          if section == .positional { sawDefault = true }
        } else if sawDefault && section == .positional {
          error("parameter without a default follows parameter with a default", at: itemToken)
        }
        if !sawSlash { parametersBeforeSlash += 1 }
      default:
        error("expected parameter")
        return
      }
      if eat(.comma) { continue }
      if current == .name {
        error("invalid syntax. Perhaps you forgot a comma?")
        continue
      }
      return
    }
  }

  /// `name [: annotation]` as a `.parameter` (current token is the name). After `*`, the
  /// annotation may be starred (`*args: *Ts`).
  private mutating func parseParameter(annotated: Bool, allowsStarredAnnotation: Bool) {
    let marker = mark()
    bump()
    if annotated && eat(.colon) {
      if allowsStarredAnnotation && current == .star {
        parseStarredBitwiseOr()
      } else {
        parseExpression()
      }
    }
    finish(.parameter, marker)
  }
}
