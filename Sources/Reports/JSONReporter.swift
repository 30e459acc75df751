import Engine
import Foundation

/// The JSON report (DESIGN §5): an array of findings in output order, in ruff's shape.
///
/// Encoded with Foundation's `JSONEncoder`, keys sorted and pretty-printed so the same findings
/// always give the same bytes. `fix` is the fix the finding's fix mode applies, or its first
/// alternative when the mode allows none (a display-only suggestion, an unsafe fix without
/// `--unsafe-fixes`), or `null` when it has none. Edit positions are 1-based rows and columns
/// in Unicode scalars, end exclusive, like the finding's.
public enum JSONReporter {
  public static func report(_ findings: [Finding], fixMode: (Finding) -> FixMode = { _ in .safe }) -> String {
    if findings.isEmpty { return "[]\n" }
    return encode(findings.map { Entry($0, fixMode: fixMode($0)) })
  }

  /// `--statistics --format json`: `[{"code", "name", "count", "fixable"}]`, as the text table.
  public static func statistics(_ findings: [Finding], fixMode: (Finding) -> FixMode = { _ in .safe }) -> String {
    let rows = Statistic.table(findings, fixMode: fixMode)
    if rows.isEmpty { return "[]\n" }
    return encode(rows.map { StatisticEntry(code: $0.code, name: $0.name, count: $0.count, fixable: $0.fixable) })
  }

  private static func encode<Value: Encodable>(_ value: Value) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Encoding plain strings and integers cannot fail.
    let data = try! encoder.encode(value)
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  private struct StatisticEntry: Encodable {
    var code: String
    var name: String
    var count: Int
    var fixable: Int
  }

  private struct Location: Encodable {
    var row: Int
    var column: Int

    init(_ position: TextPosition) {
      row = position.line
      column = position.column
    }
  }

  private struct EditEntry: Encodable {
    var content: String
    var location: Location
    var endLocation: Location

    enum CodingKeys: String, CodingKey {
      case content, location
      case endLocation = "end_location"
    }
  }

  private struct FixEntry: Encodable {
    var applicability: String
    var message: String
    var edits: [EditEntry]

    init(_ fix: Fix) {
      applicability = fix.applicability.rawValue
      message = fix.message
      edits = fix.edits.map { edit in
        // Findings locate their fixes' edits when they are made; a zero position is a fake.
        let span = edit.span ?? TextPosition(line: 0, column: 0)..<TextPosition(line: 0, column: 0)
        return EditEntry(
          content: edit.replacementText, location: Location(span.lowerBound), endLocation: Location(span.upperBound))
      }
    }
  }

  private struct Entry: Encodable {
    var code: String
    var name: String
    var message: String
    var filename: String
    var location: Location
    var endLocation: Location
    var fix: FixEntry?

    init(_ finding: Finding, fixMode: FixMode) {
      code = finding.code
      name = finding.name
      message = finding.message
      filename = finding.path
      location = Location(finding.start)
      endLocation = Location(finding.end)
      fix = finding.displayedFix(for: fixMode).map(FixEntry.init)
    }

    enum CodingKeys: String, CodingKey {
      case code, name, message, filename, location, fix
      case endLocation = "end_location"
    }

    func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(code, forKey: .code)
      try container.encode(name, forKey: .name)
      try container.encode(message, forKey: .message)
      try container.encode(filename, forKey: .filename)
      try container.encode(location, forKey: .location)
      try container.encode(endLocation, forKey: .endLocation)
      if let fix { try container.encode(fix, forKey: .fix) } else { try container.encodeNil(forKey: .fix) }
    }
  }
}
