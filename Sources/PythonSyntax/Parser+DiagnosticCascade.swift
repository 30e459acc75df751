/// One syntax error per line, as a user reads them.
///
/// Recovery lets the parser go on after an error so that the rest of the file still gets a
/// tree and the later rules still run, but the first error on a line usually drags others in
/// behind it (`def (` is also "expected parameter" one column on, and its `(` is never closed).
/// CPython stops at its first error; reporting each of the cascade as its own AF001 finding
/// only adds noise. So each line keeps one diagnostic; errors on later lines, which recovery
/// separated from it, stay.
///
/// The one kept is the line's first, except that "'(' was never closed" gives way to any other
/// error on its line: the parser reports it whenever a line ends inside brackets, also after a
/// real error made it stop there (`def f(:` is "invalid syntax" at the `:` for CPython, which
/// says "never closed" only when parsing ran into the end of the file).
extension Parser {
  static func oneDiagnosticPerLine(_ diagnostics: [SyntaxDiagnostic], in source: SourceBuffer) -> [SyntaxDiagnostic] {
    guard diagnostics.count > 1 else { return diagnostics }
    let sorted = diagnostics.enumerated().sorted { lhs, rhs in
      lhs.element.offset != rhs.element.offset ? lhs.element.offset < rhs.element.offset : lhs.offset < rhs.offset
    }.map(\.element)
    var result: [SyntaxDiagnostic] = []
    var lastLine = 0
    for diagnostic in sorted {
      let line = source.line(of: diagnostic.offset)
      if line != lastLine {
        result.append(diagnostic)
        lastLine = line
      } else if result[result.count - 1].message.hasSuffix("was never closed"),
        !diagnostic.message.hasSuffix("was never closed")
      {
        result[result.count - 1] = diagnostic
      }
    }
    return result
  }
}
