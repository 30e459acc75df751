import PythonSyntax

/// A node's code as rules quote it in messages and compare it: its tokens, without the
/// comments, line breaks and spacing between them. Shared by the rules that name what they
/// report (AF102 and AF109 the callee, AF103 a loop header, AF104 the caught type), so that one
/// spelling is quoted the same way by all of them.
extension SyntaxNode {
  /// The tokens joined with nothing between them: `time.sleep` however it is spaced or
  /// commented (`time . sleep`, `time.\⏎sleep`), and `self._task` equal to `self. _task`. Not
  /// for text with keywords (`not x` would read `notx`): see `shortText(limit:)`.
  public var compactText: String {
    let tokens = tree.tokens
    var text = ""
    for token in firstToken..<endToken where !tokens.kinds[Int(token)].isLayout { text += tree.tokenText(token) }
    return text
  }

  /// The code on one line: one space where the source has any trivia between two tokens, none
  /// elsewhere (`not  x.busy()` reads `not x.busy()`); cut to `limit` characters with `…`.
  public func shortText(limit: Int = 40) -> String {
    var text = ""
    var previousEnd: UInt32?
    let tokens = tree.tokens
    for token in firstToken..<endToken where !tokens.kinds[Int(token)].isLayout {
      if let previousEnd, previousEnd < tokens.textStarts[Int(token)] { text += " " }
      text += tree.tokenText(token)
      previousEnd = tokens.textEnds[Int(token)]
    }
    return text.count > limit ? String(text.prefix(limit - 1)) + "…" : text
  }
}
