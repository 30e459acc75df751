import Engine
import PythonSyntax

/// Every rule of `Transforms/`, in the order they run and report.
///
/// The order matters only for `finish(in:)`: a rule that weighs another's findings comes after
/// it (AF103 after AF102 and AF101, whose inserted awaits are its loops' yields). AF109 comes
/// before AF103 too, though AF103 asks the context for blocking calls rather than reading AF109's
/// findings.
public enum RuleRegistry {
  public static let rules: [any Rule.Type] = [
    MissingAwait.self,
    BlockingSleep.self,
    BlockingCall.self,
    LoopWithoutYield.self,
    SwallowedCancellation.self,
    EventSetInInterrupt.self,
    StateMutatedAcrossAwait.self,
    AwaitOutsideCoroutine.self,
    AsyncioRunMisuse.self,
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
