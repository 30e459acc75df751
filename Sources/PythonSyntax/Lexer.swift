// PLACEHOLDER: replaced by the lexer work. Produces a single error token so the package builds.
struct Lexer {
  static func tokenize(_ source: SourceBuffer) -> (TokenTable, [SyntaxDiagnostic]) {
    var table = TokenTable()
    let length = UInt32(source.count)
    table.sourceLength = length
    if length > 0 { table.append(.error, leadingStart: 0, textStart: 0, textEnd: length) }
    table.append(.endOfFile, leadingStart: length, textStart: length, textEnd: length)
    return (table, [])
  }
}
