import Engine

/// GitHub Actions annotations (DESIGN §5): one `::error …::message` workflow command per finding,
/// which the runner shows on the pull request's changed lines.
///
/// Escaped as the runner's own toolkit (`@actions/core`) does: in the message `%`, `\r` and `\n`;
/// in property values also `:` and `,`, which would otherwise end the value. Columns are the
/// finding's 1-based Unicode-scalar columns, `endColumn` exclusive like everywhere else.
public enum GitHubReport {
  public static func render(_ findings: [Finding]) -> String {
    var output = ""
    for finding in findings {
      output += annotation(finding) + "\n"
    }
    return output
  }

  static func annotation(_ finding: Finding) -> String {
    let properties = [
      ("file", finding.path), ("line", String(finding.start.line)), ("col", String(finding.start.column)),
      ("endLine", String(finding.end.line)), ("endColumn", String(finding.end.column)),
      ("title", "\(finding.code) \(finding.name)"),
    ]
    let list = properties.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
    return "::error \(list)::\(escapeData(finding.message))"
  }

  /// A command's message: `%`, `\r`, `\n`.
  public static func escapeData(_ text: String) -> String {
    var escaped = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "%": escaped += "%25"
      case "\r": escaped += "%0D"
      case "\n": escaped += "%0A"
      default: escaped.unicodeScalars.append(scalar)
      }
    }
    return escaped
  }

  /// A property value: the message's escapes plus `:` and `,`.
  public static func escapeProperty(_ text: String) -> String {
    var escaped = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "%": escaped += "%25"
      case "\r": escaped += "%0D"
      case "\n": escaped += "%0A"
      case ":": escaped += "%3A"
      case ",": escaped += "%2C"
      default: escaped.unicodeScalars.append(scalar)
      }
    }
    return escaped
  }
}
