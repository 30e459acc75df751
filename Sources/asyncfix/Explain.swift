import ArgumentParser
import Engine

/// `asyncfix explain CODE`: one rule's description, as the registry has it.
struct Explain: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Explain a rule: its rationale, examples and fixes.",
    discussion: """
      CODE is a rule code (AF102) or name (blocking-sleep); 'asyncfix rules' lists them. In \
      the examples, ↓ marks where a finding starts.

      Examples:
        asyncfix explain AF102
        asyncfix explain loop-without-yield

      Exit status: 0, or 64 for an unknown code.
      """
  )

  @Argument(help: "The rule's code or name.")
  var code: String

  func run() throws {
    guard let document = RuleDocument.named(code) else {
      let known = RuleDocument.all.map(\.code).joined(separator: ", ")
      // A catalogued code (DESIGN §3) whose rule has not landed yet: say so rather than "unknown",
      // since `--select` accepts it.
      if let planned = RuleCatalog.all.first(where: { $0.code == code.uppercased() || $0.name == code }) {
        Output.error(
          "error: \(planned.code) \(planned.name) is planned but not implemented yet; implemented rules: \(known)")
      } else {
        Output.error("error: unknown rule '\(code)'; known rules: \(known)")
      }
      throw ExitCode(64)
    }
    Output.write(Self.text(document))
  }

  static func text(_ document: RuleDocument) -> String {
    var text = "\(document.code) \(document.name)\n\n\(document.summary).\n\n"
    text += wrapped(document.rationale)
    text += "\nFix: \(document.fixSentence)\n"
    if !document.triggering.isEmpty {
      text += "\nTriggers on (↓ marks a finding):\n" + document.triggering.map(indented).joined()
    }
    if !document.nonTriggering.isEmpty {
      text += "\nDoes not trigger on:\n" + document.nonTriggering.map(indented).joined()
    }
    for correction in document.corrections {
      text += "\nFixed\(RuleDocument.targetNote(correction.target)):\n" + indented(correction.before) + "\n  becomes\n" + indented(correction.after)
    }
    return text
  }

  /// Prose wrapped at 100 columns, paragraph by paragraph (the descriptions keep each paragraph
  /// on one line), so it reads well in a terminal without depending on its width.
  static func wrapped(_ prose: String, width: Int = 100) -> String {
    var output = ""
    for paragraph in prose.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = ""
      for word in paragraph.split(separator: " ") {
        if !line.isEmpty && line.count + 1 + word.count > width {
          output += line + "\n"
          line = ""
        }
        line += (line.isEmpty ? "" : " ") + word
      }
      output += line + "\n"
    }
    while output.hasSuffix("\n\n") { output.removeLast() }
    return output
  }

  /// `code` indented by four spaces (blank lines stay empty), after a blank line.
  private static func indented(_ code: String) -> String {
    var lines = code.split(separator: "\n", omittingEmptySubsequences: false)
    if lines.last?.isEmpty == true { lines.removeLast() }
    return "\n" + lines.map { $0.isEmpty ? "\n" : "    \($0)\n" }.joined()
  }
}
