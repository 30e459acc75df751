import Engine
import Foundation

/// The JSON report (DESIGN §5): an array of findings in output order, in ruff's shape.
///
/// Encoded with Foundation's `JSONEncoder`, keys sorted and pretty-printed so the same findings
/// always give the same bytes. `fix` is written as an explicit `null` until rules carry fixes.
public enum JSONReporter {
  public static func report(_ findings: [Finding]) -> String {
    if findings.isEmpty { return "[]\n" }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Encoding plain strings and integers cannot fail.
    let data = try! encoder.encode(findings.map(Entry.init))
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  private struct Location: Encodable {
    var row: Int
    var column: Int

    init(_ position: TextPosition) {
      row = position.line
      column = position.column
    }
  }

  private struct Entry: Encodable {
    var code: String
    var name: String
    var message: String
    var filename: String
    var location: Location
    var endLocation: Location

    init(_ finding: Finding) {
      code = finding.code
      name = finding.name
      message = finding.message
      filename = finding.path
      location = Location(finding.start)
      endLocation = Location(finding.end)
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
      try container.encodeNil(forKey: .fix)
    }
  }
}
