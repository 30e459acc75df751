import PythonSyntax

/// AF001: every diagnostic of the lexer and parser becomes a finding.
public enum SyntaxErrorFindings {
  public static func findings(in tree: SyntaxTree, path: String) -> [Finding] {
    tree.diagnostics.map { diagnostic in
      Finding(
        rule: RuleCatalog.syntaxError, message: diagnostic.message, path: path,
        range: diagnostic.offset..<max(diagnostic.offset, diagnostic.endOffset), in: tree.source)
    }
  }
}
