import Engine
import Foundation

/// The SARIF 2.1.0 report (DESIGN §5): one run, every known rule in `tool.driver.rules`, one
/// result per finding with its fix as `fixes[].artifactChanges`.
///
/// Encoded with Foundation's `JSONEncoder` (sorted keys, pretty) so the same findings give the
/// same bytes. Reports knows nothing of `Transforms`: the front end passes the rule catalogue in
/// as `SARIFReport.Rule`s, built from the registry's descriptions.
public enum SARIFReport {
  /// What the report says about one rule.
  public struct Rule: Sendable {
    public var code: String
    public var name: String
    public var summary: String
    public var rationale: String
    /// Markdown: examples and corrections.
    public var help: String

    public init(code: String, name: String, summary: String, rationale: String, help: String) {
      self.code = code
      self.name = name
      self.summary = summary
      self.rationale = rationale
      self.help = help
    }
  }

  static let schema = "https://json.schemastore.org/sarif-2.1.0.json"

  public static func render(
    _ findings: [Finding], rules: [Rule], version: String, fixMode: (Finding) -> FixMode = { _ in .safe }
  ) -> String {
    // A finding's rule missing from the catalogue (never expected) is added so ruleIndex holds.
    var rules = rules
    for finding in findings where !rules.contains(where: { $0.code == finding.code }) {
      rules.append(Rule(code: finding.code, name: finding.name, summary: finding.name, rationale: "", help: ""))
    }
    let indices = Dictionary(rules.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
    let driver = Driver(
      name: "asyncfix", version: version, informationUri: "https://github.com/asyncfix/asyncfix#readme",
      rules: rules.map(ReportingDescriptor.init))
    let results = findings.map { finding in
      Result(finding, ruleIndex: indices[finding.code] ?? 0, fix: finding.displayedFix(for: fixMode(finding)))
    }
    let log = Log(
      schema: schema, version: "2.1.0", runs: [Run(tool: Tool(driver: driver), results: results)])
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Strings and integers only: encoding cannot fail.
    let data = try! encoder.encode(log)
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  // MARK: The SARIF object model (only what the report uses)

  struct Log: Encodable {
    var schema: String
    var version: String
    var runs: [Run]

    enum CodingKeys: String, CodingKey {
      case schema = "$schema"
      case version, runs
    }
  }

  struct Run: Encodable {
    var tool: Tool
    var results: [Result]
    /// Columns are counted in Unicode scalars (SARIF's default would be UTF-16 code units).
    var columnKind = "unicodeCodePoints"
  }

  struct Tool: Encodable {
    var driver: Driver
  }

  struct Driver: Encodable {
    var name: String
    var version: String
    var informationUri: String
    var rules: [ReportingDescriptor]
  }

  struct Message: Encodable {
    var text: String
  }

  struct MultiformatMessage: Encodable {
    var text: String
    var markdown: String?
  }

  struct Configuration: Encodable {
    var level: String
  }

  struct ReportingDescriptor: Encodable {
    var id: String
    var name: String
    var shortDescription: MultiformatMessage
    var fullDescription: MultiformatMessage
    var help: MultiformatMessage
    var defaultConfiguration: Configuration

    init(_ rule: Rule) {
      id = rule.code
      name = rule.name
      shortDescription = MultiformatMessage(text: rule.summary)
      fullDescription = MultiformatMessage(text: rule.rationale.isEmpty ? rule.summary : rule.rationale)
      help = MultiformatMessage(
        text: rule.help.isEmpty ? rule.summary : rule.help, markdown: rule.help.isEmpty ? nil : rule.help)
      defaultConfiguration = Configuration(level: "error")
    }
  }

  struct Region: Encodable {
    var startLine: Int
    var startColumn: Int
    var endLine: Int
    var endColumn: Int

    init(_ start: TextPosition, _ end: TextPosition) {
      // SARIF lines and columns are 1-based; a zero position (an unlocated edit) becomes 1.
      startLine = max(1, start.line)
      startColumn = max(1, start.column)
      endLine = max(startLine, end.line)
      endColumn = max(1, end.column)
    }
  }

  struct ArtifactLocation: Encodable {
    var uri: String
  }

  struct PhysicalLocation: Encodable {
    var artifactLocation: ArtifactLocation
    var region: Region
  }

  struct Location: Encodable {
    var physicalLocation: PhysicalLocation
  }

  struct ArtifactContent: Encodable {
    var text: String
  }

  struct Replacement: Encodable {
    var deletedRegion: Region
    var insertedContent: ArtifactContent
  }

  struct ArtifactChange: Encodable {
    var artifactLocation: ArtifactLocation
    var replacements: [Replacement]
  }

  struct FixObject: Encodable {
    var description: Message
    var artifactChanges: [ArtifactChange]
  }

  struct Result: Encodable {
    var ruleId: String
    var ruleIndex: Int
    var level: String
    var message: Message
    var locations: [Location]
    var fixes: [FixObject]?

    init(_ finding: Finding, ruleIndex: Int, fix: Fix?) {
      ruleId = finding.code
      self.ruleIndex = ruleIndex
      level = "error"
      message = Message(text: finding.message)
      let artifact = ArtifactLocation(uri: finding.path)
      locations = [
        Location(
          physicalLocation: PhysicalLocation(artifactLocation: artifact, region: Region(finding.start, finding.end)))
      ]
      if let fix, !fix.edits.isEmpty {
        let replacements = fix.edits.map { edit in
          let span = edit.span ?? TextPosition(line: 1, column: 1)..<TextPosition(line: 1, column: 1)
          return Replacement(
            deletedRegion: Region(span.lowerBound, span.upperBound),
            insertedContent: ArtifactContent(text: edit.replacementText))
        }
        fixes = [
          FixObject(
            description: Message(text: "\(fix.message) (\(fix.applicability.rawValue))"),
            artifactChanges: [ArtifactChange(artifactLocation: artifact, replacements: replacements)])
        ]
      }
    }
  }
}
