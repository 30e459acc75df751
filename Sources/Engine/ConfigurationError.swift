/// Why a configuration file could not be used: it cannot be read, is not valid TOML, or holds an
/// unknown key or a bad value.
///
/// Printed as `error: FILE:LINE: message` (`FILE:LINE:COLUMN:` for TOML syntax errors, where the
/// parser knows the column). The files the configuration governs are not checked and the run
/// exits 2; files governed by other configurations still are (DESIGN §5).
public struct ConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The configuration file as shown to the user: relative to the working directory when it is
  /// inside it, as given for `--config`.
  public var file: String
  /// 1-based line the problem is on, when it could be found.
  public var line: Int?
  /// 1-based column, known only for TOML syntax errors.
  public var column: Int?
  /// What is wrong, already prefixed with `[tool.asyncfix] ` for a `pyproject.toml`.
  public var message: String

  public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  /// `FILE:LINE:COLUMN: message`, leaving out what is unknown.
  public var description: String {
    var location = file
    if let line {
      location += ":\(line)"
      if let column { location += ":\(column)" }
    }
    return "\(location): \(message)"
  }
}
