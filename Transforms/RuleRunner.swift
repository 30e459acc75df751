import Engine
import PythonSyntax
import Semantics

/// Runs the rules on one parsed file: the entry point of `check`, `fix` and `diff` per file.
///
/// Builds the file's `SemanticModel` once, walks the tree once in pre-order handing each node to
/// the rules that want its kind (`RuleRegistry.dispatchMasks`), then lets each rule finish.
/// Only the rules `settings.selection` enables run; AF001 (syntax errors, from the parser's
/// diagnostics) is included when selected, and every other rule still runs on what parsed.
/// Suppression comments are not applied here: `FixLoop.unsuppressedFindings` and `FixLoop.run`
/// apply them to whatever this returns.
public enum RuleRunner {
  /// The rules as the engine takes them (`CheckOptions.rules`): each file's findings from the
  /// model the engine built, with the run's project index.
  public static let factory: RuleFactory = { path, settings, index in
    { model in findings(in: model, path: path, settings: settings, index: index) }
  }

  /// Every finding of the enabled rules in `tree`, sorted by position (then code and message),
  /// with an index of this file alone unless `index` is given.
  public static func findings(
    in tree: SyntaxTree, path: String, settings: Settings, index: ProjectIndex? = nil
  ) -> [Finding] {
    let model = SemanticModel(tree)
    return findings(in: model, path: path, settings: settings, index: index ?? singleFileIndex(model, path: path))
  }

  /// An index holding only the module `model` describes at `path` (standard input, tests).
  public static func singleFileIndex(_ model: SemanticModel, path: String) -> ProjectIndex {
    ProjectIndex(modules: [(path, ModuleSummary(model))], currentDirectory: "/")
  }

  /// Every finding of the enabled rules in the file `model` describes, sorted by position.
  /// `gated: false` runs every enabled rule even where `Rule.mayReport(in:)` says it cannot
  /// report: the tests compare both ways, since a gate may only skip work, never a finding.
  public static func findings(
    in model: SemanticModel, path: String, settings: Settings, index: ProjectIndex, gated: Bool = true
  ) -> [Finding] {
    let tree = model.tree
    var findings: [Finding] = []
    if settings.selection.isEnabled(RuleCatalog.syntaxError.code) {
      findings += SyntaxErrorFindings.findings(in: tree, path: path)
    }
    var enabled: UInt32 = 0
    var rules: [(any Rule)?] = RuleRegistry.rules.enumerated().map { position, rule in
      guard settings.selection.isEnabled(rule.description.code), !gated || rule.mayReport(in: model) else {
        return nil
      }
      enabled |= 1 << UInt32(position)
      return rule.init()
    }
    if enabled != 0 {
      let context = RuleContext(model: model, path: path, settings: settings, index: index)
      RuleRegistry.dispatchMasks.withUnsafeBufferPointer { masks in
        tree.nodeKinds.withUnsafeBufferPointer { kinds in
          for index in kinds.indices {
            var visitors = masks[Int(kinds[index].rawValue)] & enabled
            if visitors == 0 { continue }
            let node = tree.node(UInt32(index))
            while visitors != 0 {
              rules[visitors.trailingZeroBitCount]!.visit(node, in: context)
              visitors &= visitors - 1
            }
          }
        }
      }
      for rule in rules.indices { rules[rule]?.finish(in: context) }
      findings += context.findings
    }
    return findings.sorted(by: precedes)
  }

  /// The rules for the file at `path` as `FixLoop.run` takes them, with `index` (or an index of
  /// the file alone, rebuilt from each tree).
  public static func rules(path: String, settings: Settings, index: ProjectIndex? = nil) -> (SyntaxTree) -> [Finding] {
    { tree in findings(in: tree, path: path, settings: settings, index: index) }
  }

  /// The engine's output order within a file (`Finding.precedes`, which Engine keeps internal).
  private static func precedes(_ lhs: Finding, _ rhs: Finding) -> Bool {
    if lhs.range.lowerBound != rhs.range.lowerBound { return lhs.range.lowerBound < rhs.range.lowerBound }
    if lhs.range.upperBound != rhs.range.upperBound { return lhs.range.upperBound < rhs.range.upperBound }
    if lhs.code != rhs.code { return lhs.code < rhs.code }
    return lhs.message < rhs.message
  }
}
