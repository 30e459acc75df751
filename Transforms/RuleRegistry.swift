import Engine
import PythonSyntax

/// Every rule of `Transforms/`, in the order they run and report.
///
/// The order matters only for `finish(in:)`: a rule that weighs another's findings comes after
/// it (AF103 after AF102 and AF101, whose inserted awaits are its loops' yields; AF109 will come
/// before AF103 for the same reason).
public enum RuleRegistry {
  public static let rules: [any Rule.Type] = [
    MissingAwait.self,
    BlockingSleep.self,
    LoopWithoutYield.self,
    SwallowedCancellation.self,
  ]

  /// The descriptions, in registry order.
  public static let descriptions: [RuleDescription] = rules.map { $0.description }

  /// The rule with code `code` (`AF102`), if registered.
  public static func rule(code: String) -> (any Rule.Type)? {
    rules.first { $0.description.code == code }
  }

  /// For each node kind (by raw value), the indices in `rules` of the rules that visit it: the
  /// static table the runner dispatches with, so the walk asks no rule about a node it ignores.
  static let dispatchTable: [[Int]] = {
    var table = [[Int]](repeating: [], count: Int(UInt8.max) + 1)
    for (index, rule) in rules.enumerated() {
      for kind in Set(rule.description.nodeKinds) { table[Int(kind.rawValue)].append(index) }
    }
    return table
  }()
}
