import Engine
import Semantics
import PythonSyntax

/// A rule: a small type that looks at the node kinds its description lists and reports findings
/// through the `RuleContext`.
///
/// The runner makes a fresh instance per file (`init()`), walks the tree once in pre-order and
/// hands each node to the rules that asked for its kind (`RuleDescription.nodeKinds`), then calls
/// `finish(in:)` on each rule in registry order. A rule may keep per-file state between visits
/// (candidates to decide once the whole file has been seen); it never sees another file's nodes.
public protocol Rule: Sendable {
  /// Code, name, texts, examples and the node kinds to visit.
  static var description: RuleDescription { get }

  init()

  /// Whether the rule can report anything in the file `model` describes. A rule that cannot
  /// (AF108 where no import names asyncio, AF109 where no `async def` is) is neither made nor
  /// walked for that file: on a large tree most files are of that kind, and asking every call
  /// of them cost more than the rest of the rule's work.
  static func mayReport(in model: SemanticModel) -> Bool

  /// Called for every node whose kind is in `description.nodeKinds`, in source order.
  mutating func visit(_ node: SyntaxNode, in context: RuleContext)

  /// Called once after the walk, rules in registry order: a rule can weigh what earlier rules
  /// reported (AF103 counts a sleep AF102 converts as its loop's yield).
  mutating func finish(in context: RuleContext)
}

extension Rule {
  public static func mayReport(in model: SemanticModel) -> Bool { true }

  public mutating func finish(in context: RuleContext) {}
}

/// Whether a rule's findings come with a fix (`asyncfix rules` shows it).
public enum FixAvailability: Hashable, Sendable {
  /// Never: findings only (or display-only suggestions).
  case none
  /// Some findings have a fix of this applicability, others none (when the code around makes
  /// one impossible, e.g. asyncio hidden by a local variable).
  case sometimes(Applicability)
  /// Every finding has a fix of this applicability.
  case always(Applicability)
}

/// What a rule is and does, for people (`asyncfix rules`, `asyncfix explain`, the README) and
/// for the generic tests: every example here is also a test (`RuleExamplesTests`).
public struct RuleDescription: Sendable {
  public let identity: RuleIdentity
  /// One line.
  public let summary: String
  /// Why it matters: the pitfall it comes from and what goes wrong at run time.
  public let rationale: String
  /// Code that must give a finding at each `↓` (and nowhere else, for this rule).
  public let triggeringExamples: [RuleExample]
  /// Code that must give no finding.
  public let nonTriggeringExamples: [RuleExample]
  /// Code before (with `↓` where the findings are) and exactly after `fix`.
  public let corrections: [RuleCorrection]
  public let fixAvailability: FixAvailability
  /// The node kinds the rule's `visit` is called for.
  public let nodeKinds: [NodeKind]

  public var code: String { identity.code }
  public var name: String { identity.name }

  public init(
    code: String, name: String, summary: String, rationale: String, triggeringExamples: [RuleExample],
    nonTriggeringExamples: [RuleExample], corrections: [RuleCorrection], fixAvailability: FixAvailability,
    nodeKinds: [NodeKind]
  ) {
    identity = RuleIdentity(code: code, name: name)
    self.summary = summary
    self.rationale = rationale
    self.triggeringExamples = triggeringExamples
    self.nonTriggeringExamples = nonTriggeringExamples
    self.corrections = corrections
    self.fixAvailability = fixAvailability
    self.nodeKinds = nodeKinds
  }
}

/// A piece of Python in a rule's description. In triggering examples `↓` marks where each
/// finding starts; the marker is removed before the code is parsed.
public struct RuleExample: Sendable {
  public static let marker: Character = "↓"

  /// The code, markers included.
  public let code: String
  /// The dialect the example is checked under (`auto` decides from its imports, as for files).
  public let target: TargetSetting
  /// Where the example is written, so a failing example test points at it.
  public let file: StaticString
  public let line: UInt

  public init(_ code: String, target: TargetSetting = .auto, file: StaticString = #filePath, line: UInt = #line) {
    self.code = code
    self.target = target
    self.file = file
    self.line = line
  }

  /// The code without markers.
  public var source: String { code.filter { $0 != Self.marker } }

  /// Byte offsets (in `source`) of the markers.
  public var markerOffsets: [UInt32] {
    var offsets: [UInt32] = []
    var offset: UInt32 = 0
    for character in code {
      if character == Self.marker {
        offsets.append(offset)
      } else {
        offset += UInt32(character.utf8.count)
      }
    }
    return offsets
  }
}

/// A fix as a rule's description shows it: `before` (markers allowed) becomes exactly `after`.
public struct RuleCorrection: Sendable {
  public let before: RuleExample
  public let after: String

  public init(
    _ before: String, _ after: String, target: TargetSetting = .auto, file: StaticString = #filePath,
    line: UInt = #line
  ) {
    self.before = RuleExample(before, target: target, file: file, line: line)
    self.after = after
  }
}
