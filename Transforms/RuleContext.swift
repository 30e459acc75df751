import Engine
import PythonSyntax
import Semantics

/// What the rules share while one file is checked: the tree, its semantic model (built once),
/// the run's project index, the file's settings and dialect, and the findings reported so far.
///
/// One context per file and run, used on one thread.
public final class RuleContext {
  public let tree: SyntaxTree
  public let model: SemanticModel
  /// The path findings carry (as given on the command line).
  public let path: String
  public let settings: Settings
  /// The other modules of the run (DESIGN §4): what the file's imports bring in. The file's own
  /// definitions are read from `model`, which describes the current tree also during `fix`.
  public let index: ProjectIndex

  /// The findings reported so far, in the order reported.
  public private(set) var findings: [Finding] = []

  /// Fixes of reported findings that will add an await point at a node (see `noteAwaitPoint`).
  private var awaitPointsFromFixes: [(node: SyntaxNode, finding: Finding)] = []

  init(model: SemanticModel, path: String, settings: Settings, index: ProjectIndex) {
    self.tree = model.tree
    self.model = model
    self.path = path
    self.settings = settings
    self.index = index
  }

  /// The Python the file is written for: the `target` setting, or for `auto` what its imports
  /// and names show (DESIGN §3). Decided on first use: most files need no fix at all.
  public private(set) lazy var dialect: Dialect = detectDialect(model, setting: settings.target)

  /// Where the file lives, for the index's relative imports.
  public private(set) lazy var modulePath: ModulePath = index.modulePath(of: path)

  /// The file's callback registrations (`.irq(…)`, `micropython.schedule(…)`, the configured
  /// `interrupt-registrars`, …), found on first use and shared by the rules that follow code
  /// into interrupt handlers (AF105, AF108).
  public private(set) lazy var interruptRegistrations: [InterruptRegistration] = model.interruptRegistrations(
    configured: settings.interruptRegistrars.map {
      RegistrarSpecification(call: $0.call, handlerPosition: $0.handlerPosition, handlerKeyword: $0.handlerKeyword)
    })

  /// The file's call graph, shared so that functions followed by one rule are not resolved again
  /// by the next.
  public private(set) lazy var callGraph = CallGraph(model)

  /// The fixes a run with these settings applies.
  public var fixMode: FixMode { settings.unsafeFixes ? .safeAndUnsafe : .safe }

  private lazy var suppressions = SuppressionIndex(tree: tree)

  // MARK: Reporting

  /// Reports a finding of `rule` over the bytes `range`, and returns it.
  @discardableResult
  public func report(_ rule: RuleDescription, message: String, range: Range<UInt32>, fixes: [Fix] = []) -> Finding {
    let finding = Finding(
      rule: rule.identity, message: message, path: path, range: range, fixes: fixes, in: tree.source)
    findings.append(finding)
    return finding
  }

  // MARK: Interplay between rules

  /// Records that applying `finding`'s fix puts an await point at `node` (AF102 turns a blocking
  /// sleep into `await asyncio.sleep…`; AF101 will add a missing `await`), so that AF103 treats a
  /// loop holding `node` as one that yields: after the fix it does, and adding a second yield
  /// would be a double fix.
  public func noteAwaitPoint(at node: SyntaxNode, from finding: Finding) {
    awaitPointsFromFixes.append((node, finding))
  }

  /// Whether a noted fix adds an await point inside `node`'s subtree, in the code `node` runs in
  /// (not in a function nested in it), and will really be applied: its finding is not suppressed
  /// by a comment and has a fix this run's mode applies.
  public func fixAddsAwaitPoint(in node: SyntaxNode) -> Bool {
    let end = node.index + node.subtreeSize
    let function = model.enclosingFunction(of: node)
    return awaitPointsFromFixes.contains { point, finding in
      node.index <= point.index && point.index < end && model.enclosingFunction(of: point) == function
        && willApplyFix(of: finding)
    }
  }

  /// Whether `finding` has a fix this run's mode applies and no comment suppresses it: what
  /// its fix changes will be in the file (AF103 asks it of a nested loop's yield).
  public func willApplyFix(of finding: Finding) -> Bool {
    finding.fix(for: fixMode) != nil && !suppressions.suppresses(finding)
  }

  /// What the file's `self.attr` receivers hold (their origins, found by reading every method
  /// of the class), worked out once for all the rules that ask.
  public let valueNames = ValueNameCache()

  /// AF109's list of blocking calls for this file (the settings' `blocking-calls` applied),
  /// built on first use.
  private lazy var blockingCalls = BlockingCalls(
    changes: settings.blockingCalls, model: model, valueNames: valueNames)

  /// The long synchronous call `call` makes (AF109's list: `sensor.snapshot()`, a blocking
  /// socket's `recv`, `urequests.get`, …), or `nil`; wherever it is, in a coroutine or not.
  ///
  /// AF109 reports these calls in coroutines; AF103 asks it for the calls in a `for` loop's
  /// body, which make the loop hold the thread for every item. Asked rather than noted by AF109
  /// (as `noteAwaitPoint` is by fixes), so that AF103's findings do not depend on whether AF109
  /// is selected or its finding suppressed: the call blocks either way.
  func blockingCall(_ call: CallSyntax) -> BlockingCallEntry? {
    blockingCalls.match(call)
  }

  // MARK: Fix helpers

  /// How to name asyncio's `member` in code written at `node`; `nil` when `asyncio` is hidden
  /// there by a local or parameter of that name.
  public func asyncio(_ member: String, at node: SyntaxNode) -> AsyncioReference? {
    AsyncioReference(member: member, at: node, in: model)
  }
}
