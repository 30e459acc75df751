/// A syntax error found by the lexer or the parser, anchored at a byte offset.
///
/// Diagnostics hold offsets, not lines: lines and columns are computed from the `SourceBuffer`
/// only when a diagnostic is shown, which keeps lexing and parsing free of line bookkeeping.
public struct SyntaxDiagnostic: Hashable, Sendable {
  /// Offset where the problem starts.
  public var offset: UInt32
  /// Offset where it ends (equal to `offset` for a point, e.g. a missing token).
  public var endOffset: UInt32
  /// What is wrong, in CPython's words where CPython has words for it (e.g. "expected ':'").
  public var message: String

  public init(offset: UInt32, endOffset: UInt32? = nil, message: String) {
    self.offset = offset
    self.endOffset = endOffset ?? offset
    self.message = message
  }
}
