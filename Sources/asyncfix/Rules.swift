import ArgumentParser
import Foundation

/// `asyncfix rules`: every rule the tool runs, from the registry's descriptions.
struct Rules: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List every rule: code, name, fix availability, summary.",
    discussion: """
      The fixable column says which fix a rule's findings get: safe ('asyncfix fix' applies \
      it), unsafe (only with --unsafe-fixes) or - (none). 'asyncfix explain CODE' shows a \
      rule's rationale, examples and fixes.

      Examples:
        asyncfix rules
        asyncfix rules --format json
      """
  )

  @Option(help: "Print the table as text or as JSON.")
  var format: OutputFormat = .text

  func run() throws {
    let documents = RuleDocument.all
    switch format {
    case .text:
      let nameWidth = documents.map(\.name.count).max() ?? 4
      func row(_ code: String, _ name: String, _ fixable: String, _ summary: String) -> String {
        let line =
          code.padding(toLength: 7, withPad: " ", startingAt: 0)
          + name.padding(toLength: nameWidth + 2, withPad: " ", startingAt: 0)
          + fixable.padding(toLength: 9, withPad: " ", startingAt: 0) + summary
        return line.trimmingTrailingSpaces() + "\n"
      }
      var text = row("code", "name", "fixable", "summary")
      for document in documents {
        text += row(document.code, document.name, document.fixable, document.summary)
      }
      Output.write(text)
    case .json:
      struct Entry: Encodable {
        var code: String
        var name: String
        var fixable: String
        var summary: String
      }
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      let entries = documents.map { Entry(code: $0.code, name: $0.name, fixable: $0.fixable, summary: $0.summary) }
      Output.write(String(decoding: try encoder.encode(entries), as: UTF8.self) + "\n")
    }
  }
}

extension String {
  func trimmingTrailingSpaces() -> String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}
