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

  /// For each node kind (by raw value), the set of rules that visit it, as a bit mask over
  /// `rules`' positions: the walk in `RuleRunner` tests one integer per node and touches no
  /// array of arrays (whose reference counting cost more than the test on every one of a run's
  /// millions of nodes).
  static let dispatchMasks: [UInt32] = {
    precondition(rules.count <= 32, "dispatch masks hold 32 rules")
    var masks = [UInt32](repeating: 0, count: Int(UInt8.max) + 1)
    for (index, rule) in rules.enumerated() {
      for kind in rule.description.nodeKinds { masks[Int(kind.rawValue)] |= 1 << UInt32(index) }
    }
    return masks
  }()
}
