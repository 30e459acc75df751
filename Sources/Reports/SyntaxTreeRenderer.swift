import PythonSyntax

// PLACEHOLDER interface: the corpus/ast-compatibility work fills these in.
/// Renders a syntax tree for `asyncfix parse --tree`.
public enum SyntaxTreeRenderer {
  /// The JSON tree of DESIGN §5: nested `{"kind", "lineno", "col_offset", "end_lineno",
  /// "end_col_offset", "children"}` objects with CPython `ast` class names and positions.
  public static func json(_ tree: SyntaxTree) -> String { "{}" }

  /// An indented text outline: one line per node, `Kind line:col-line:col`.
  public static func text(_ tree: SyntaxTree) -> String { "" }
}
