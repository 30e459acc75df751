import Engine
import PythonSyntax
import Semantics

/// Runs the rules on one parsed file: the entry point of `check`, `fix` and `diff` per file.
///
/// Builds the file's `SemanticModel` once, walks the tree once in pre-order handing each node to
/// the rules that want its kind (`RuleRegistry.dispatchTable`), then lets each rule finish.
/// Only the rules `settings.selection` enables run; AF001 (syntax errors, from the parser's
/// diagnostics) is included when selected, and every other rule still runs on what parsed.
/// Suppression comments are not applied here: `FixLoop.unsuppressedFindings` and `FixLoop.run`
/// apply them to whatever this returns.
public enum RuleRunner {
  /// Every finding of the enabled rules in `tree`, sorted by position (then code and message).
  public static func findings(in tree: SyntaxTree, path: String, settings: Settings) -> [Finding] {
    var findings: [Finding] = []
    if settings.selection.isEnabled(RuleCatalog.syntaxError.code) {
      findings += SyntaxErrorFindings.findings(in: tree, path: path)
    }
    var rules: [(any Rule)?] = RuleRegistry.rules.map { rule in
      settings.selection.isEnabled(rule.description.code) ? rule.init() : nil
    }
    if rules.contains(where: { $0 != nil }) {
      let context = RuleContext(tree: tree, model: SemanticModel(tree), path: path, settings: settings)
      let table = RuleRegistry.dispatchTable
      let kinds = tree.nodeKinds
      for index in kinds.indices {
        let visitors = table[Int(kinds[index].rawValue)]
        if visitors.isEmpty { continue }
        let node = tree.node(UInt32(index))
        for rule in visitors { rules[rule]?.visit(node, in: context) }
      }
      for rule in rules.indices { rules[rule]?.finish(in: context) }
      findings += context.findings
    }
    return findings.sorted(by: precedes)
  }

  /// The rules for the file at `path` as `FixLoop.run` takes them.
  public static func rules(path: String, settings: Settings) -> (SyntaxTree) -> [Finding] {
    { tree in findings(in: tree, path: path, settings: settings) }
  }

  /// The engine's output order within a file (`Finding.precedes`, which Engine keeps internal).
  private static func precedes(_ lhs: Finding, _ rhs: Finding) -> Bool {
    if lhs.range.lowerBound != rhs.range.lowerBound { return lhs.range.lowerBound < rhs.range.lowerBound }
    if lhs.range.upperBound != rhs.range.upperBound { return lhs.range.upperBound < rhs.range.upperBound }
    if lhs.code != rhs.code { return lhs.code < rhs.code }
    return lhs.message < rhs.message
  }
}
