import PythonSyntax

extension SyntaxNode {
  /// The truth value of a literal (parentheses looked through): `True`, `...`, a non-zero number
  /// and a non-empty string are true, `False`, `None`, zero and `""` false; `nil` for anything
  /// else (an imaginary number, an implicitly concatenated string, any other expression).
  ///
  /// One definition for the rules that ask whether a loop's condition (`while True`, `while 1`)
  /// or a keyword argument (`blocking=False`) is constant.
  public var literalTruth: Bool? {
    let node = unparenthesized
    guard let constant = ConstantSyntax(node) else { return nil }
    switch constant.kind {
    case .true, .ellipsis: return true
    case .false, .none: return false
    case .integer, .float: return constant.exactDecimalValue.map { !$0.isZero }
    case .imaginary: return nil
    case .string, .bytes:
      // One literal token: empty when nothing but the prefix and quotes.
      guard node.endToken - node.firstToken == 1 else { return nil }
      let text = node.tree.tokenText(node.firstToken).drop { $0 != "\"" && $0 != "'" }
      return !(text == "\"\"" || text == "''" || text == "\"\"\"\"\"\"" || text == "''''''")
    }
  }
}
