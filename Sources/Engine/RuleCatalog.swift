/// A rule's identity: the part of a rule the engine needs to select it and to label its findings.
public struct RuleIdentity: Hashable, Sendable {
  public var code: String
  public var name: String

  public init(code: String, name: String) {
    self.code = code
    self.name = name
  }
}

/// Every rule code the tool knows, implemented or not yet.
///
/// `--select`/`--ignore` are checked against this list, so that a configuration written for the
/// full catalogue of DESIGN §3 is accepted today and a typo (`AF10O`) is still a usage error.
/// When the rules land in `Transforms/`, their registry becomes the source of this list.
public enum RuleCatalog {
  /// AF001 is produced by the engine itself from the parser's diagnostics.
  public static let syntaxError = RuleIdentity(code: "AF001", name: "syntax-error")

  public static let all: [RuleIdentity] = [
    syntaxError,
    RuleIdentity(code: "AF101", name: "missing-await"),
    RuleIdentity(code: "AF102", name: "blocking-sleep"),
    RuleIdentity(code: "AF103", name: "loop-without-yield"),
    RuleIdentity(code: "AF104", name: "swallowed-cancellation"),
    RuleIdentity(code: "AF105", name: "event-set-in-interrupt"),
    RuleIdentity(code: "AF106", name: "state-mutated-across-await"),
    RuleIdentity(code: "AF107", name: "await-outside-coroutine"),
    RuleIdentity(code: "AF108", name: "asyncio-run-misuse"),
    RuleIdentity(code: "AF109", name: "blocking-call"),
  ]
}
