import Engine
import Semantics
import Reports
import Transforms

/// One rule as `rules`, `explain` and the SARIF catalogue show it: the registry's description
/// (`Transforms/*+Description.swift`), never a second copy of its text.
///
/// AF001 has no `Rule` type (the engine reports the parser's diagnostics itself), so its few
/// lines live here, once.
struct RuleDocument {
  var code: String
  var name: String
  var summary: String
  var rationale: String
  var triggering: [String]
  var nonTriggering: [String]
  /// Each correction with the dialect it is shown for when not `auto` (`--target cpython`).
  var corrections: [(before: String, after: String, target: TargetSetting)]
  var fixAvailability: FixAvailability

  init(_ description: RuleDescription) {
    code = description.code
    name = description.name
    summary = description.summary
    rationale = description.rationale
    triggering = description.triggeringExamples.map(\.code)
    nonTriggering = description.nonTriggeringExamples.map(\.code)
    corrections = description.corrections.map { ($0.before.code, $0.after, $0.before.target) }
    fixAvailability = description.fixAvailability
  }

  private init(syntaxError identity: RuleIdentity) {
    code = identity.code
    name = identity.name
    summary = "The file does not parse"
    rationale = """
      A file the parser cannot read completely is reported at each syntax error, with the \
      parser's message. The other rules still run on what parsed, so one typo does not hide \
      every other finding of the file; fixes are never applied where they would make a file \
      that parses unparseable.
      """
    triggering = ["async def main()↓\n    pass", "print↓(1, 2"]
    nonTriggering = ["async def main():\n    pass"]
    corrections = []
    fixAvailability = .none
  }

  /// AF001, then the registry's rules by code (the registry's order is the order `finish` runs
  /// in, which puts AF109 before AF103).
  static let all: [RuleDocument] =
    [RuleDocument(syntaxError: RuleCatalog.syntaxError)]
    + RuleRegistry.descriptions.sorted { $0.code < $1.code }.map(RuleDocument.init)

  static func named(_ code: String) -> RuleDocument? {
    all.first { $0.code.caseInsensitiveCompare(code) == .orderedSame || $0.name == code }
  }

  /// `safe`, `unsafe`, or `-` for a rule without fixes (the `rules` table's column).
  var fixable: String {
    switch fixAvailability {
    case .none: "-"
    case .always(let applicability), .sometimes(let applicability):
      applicability == .displayOnly ? "-" : applicability.rawValue
    }
  }

  /// A sentence for `explain`.
  var fixSentence: String {
    switch fixAvailability {
    case .none: "No automatic fix."
    case .always(let applicability):
      "Every finding has a fix; it is \(applicability.rawValue)\(Self.note(applicability))."
    case .sometimes(let applicability):
      "Most findings have a fix; it is \(applicability.rawValue)\(Self.note(applicability)). Some cannot be fixed."
    }
  }

  private static func note(_ applicability: Applicability) -> String {
    switch applicability {
    case .safe: " ('asyncfix fix' applies it)"
    case .unsafe: " ('asyncfix fix --unsafe-fixes' applies it)"
    case .displayOnly: " (shown, never applied)"
    }
  }

  /// Markdown for SARIF's `help`: the summary, then examples and corrections.
  var markdown: String {
    var text = summary + ".\n"
    if !triggering.isEmpty {
      text += "\nTriggers on:\n" + triggering.map(Self.codeBlock).joined()
    }
    if !nonTriggering.isEmpty {
      text += "\nDoes not trigger on:\n" + nonTriggering.map(Self.codeBlock).joined()
    }
    for correction in corrections {
      text +=
        "\nFix\(Self.targetNote(correction.target)):\n" + Self.codeBlock(correction.before) + "becomes\n"
        + Self.codeBlock(correction.after)
    }
    return text
  }

  /// " (with `--target cpython`)" for a correction shown under a set dialect, else nothing: the
  /// same code can be fixed differently under `auto`, which decides from the file.
  static func targetNote(_ target: TargetSetting) -> String {
    target == .auto ? "" : " (with `--target \(target.rawValue)`)"
  }

  private static func codeBlock(_ code: String) -> String {
    "\n```python\n" + code + (code.hasSuffix("\n") ? "" : "\n") + "```\n"
  }

  var sarifRule: SARIFReport.Rule {
    SARIFReport.Rule(code: code, name: name, summary: summary, rationale: rationale, help: markdown)
  }
}
