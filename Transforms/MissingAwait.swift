import Engine
import PythonSyntax
import Semantics

/// AF101 missing-await: a call that makes a coroutine, used as a statement and not awaited. The
/// coroutine object is dropped and its body never runs (CPython warns "coroutine … was never
/// awaited" at garbage collection, MicroPython says nothing at all).
///
/// Only expression statements are findings: a call passed to `create_task`, `gather`,
/// `wait_for` or `run`, stored, returned or yielded is used, not dropped. The callee is
/// awaitable-returning when it is:
/// - an `async def` of this file reached through bindings (a local or parameter of the same
///   name hides it), a method of the enclosing class through `self`/`cls` or of a class named
///   directly (`Client.connect`), with bases, or of a base through `super()`; or one of another
///   module of the project, through
///   imports and re-exports (`SemanticModel.calledFunctionKind`, `ProjectIndex`);
/// - one of asyncio's coroutine functions by qualified name (`asyncio.sleep`, `sleep_ms`, …);
/// - a method of a receiver made by an asyncio constructor (`ev = asyncio.Event()` then
///   `ev.wait()`; the writer of `open_connection`), through `SemanticModel.inferredNames`, or
///   of the reader and writer a server's client callback receives
///   (`MissingAwait+ServerCallbacks.swift`).
/// A plain generator function counts only in MicroPython files: MicroPython's asyncio awaits
/// generators (its own `sleep` is one), while in CPython such a call is a generator nobody
/// iterates — a no-op, but not a missing `await` (awaiting it would raise). So does a class
/// whose instances the dialect can await (`SemanticModel.calledAwaitableClass`): with
/// `__await__` in CPython, with an `__iter__` that yields in MicroPython (MicroPython 1.29 awaits
/// by iterating and rejects an object with `__await__` alone; CPython the other way round). Its
/// fix is unsafe: the class may start its work in `__init__`.
///
/// Fix: insert `await ` before the call — safe when the callee is resolved for certain (a def
/// found by binding, an asyncio function by name), unsafe when it rests on an inferred
/// receiver. Outside a coroutine an `await` would be a syntax error (CPython) or silently turn
/// the function into a generator (MicroPython), so the finding carries a display-only
/// suggestion instead: `asyncio.create_task(…)`, or `yield from …` in a MicroPython generator
/// function (an old-style coroutine).
public struct MissingAwait: Rule {
  public init() {}

  /// The file's coroutine and generator function names (`awaitableFunctionNames`), computed on
  /// the first call statement.
  private var ownAwaitableNames: IdentifierSet?
  /// The file's server client callbacks (`serverCallbacks(in:)`), computed on first need.
  private var serverCallbacks: Set<UInt32>?

  /// asyncio's functions that return an awaitable which does nothing until awaited.
  static let asyncioFunctionNames = [
    "asyncio.sleep", "asyncio.sleep_ms", "asyncio.wait_for", "asyncio.wait_for_ms", "asyncio.open_connection",
    "asyncio.start_server", "asyncio.open_unix_connection", "asyncio.start_unix_server", "asyncio.wait",
    "asyncio.to_thread",
  ]

  /// Also awaitable-only in MicroPython, where it is an `async def`: CPython's `gather` is a
  /// plain function that schedules its arguments as tasks at once and returns a future, so a
  /// dropped one still runs them.
  static let micropythonFunctions: QualifiedNameSet = ["asyncio.gather"]

  /// Both lists, matched at once (one name resolution per call).
  static let asyncioAwaitables = QualifiedNameSet(asyncioFunctionNames + ["asyncio.gather"])

  /// Coroutine methods of objects asyncio makes, as `SemanticModel.inferredNames(ofMember:)`
  /// names them (`asyncio.open_connection.1` is the writer unpacked from its result).
  static let receiverMethods: QualifiedNameSet = QualifiedNameSet(receiverMethodNames)

  /// The method names of `receiverMethods`: a call to any other method needs no origin search
  /// (which reads the whole class for `self.x.m()`).
  static let receiverMethodLastNames = IdentifierSet(receiverMethodNames.compactMap { QualifiedName($0).lastComponent })

  private static let receiverMethodNames: [String] = {
    var names = [
      "asyncio.Event.wait", "asyncio.ThreadSafeFlag.wait", "asyncio.Lock.acquire", "asyncio.Condition.wait",
      "asyncio.Condition.wait_for", "asyncio.Condition.acquire", "asyncio.Semaphore.acquire",
      "asyncio.BoundedSemaphore.acquire",
    ]
    for queue in ["Queue", "LifoQueue", "PriorityQueue"] {
      names += ["get", "put", "join"].map { "asyncio.\(queue).\($0)" }
    }
    for connect in ["asyncio.open_connection", "asyncio.open_unix_connection"] {
      names += ["read", "readline", "readexactly", "readinto", "readuntil"].map { "\(connect).0.\($0)" }
      names += ["drain", "wait_closed", "awrite", "awritestr", "aclose"].map { "\(connect).1.\($0)" }
    }
    return names
  }()

  public mutating func visit(_ node: SyntaxNode, in context: RuleContext) {
    guard let statement = ExpressionStatementSyntax(node), let call = CallSyntax(statement.expression.unparenthesized),
      let made = awaitable(call, in: context)
    else { return }
    let model = context.model
    let calleeText = call.callee.shortText(limit: 60)
    let shown = calleeText + (call.arguments.isEmpty ? "()" : "(…)")
    if model.enclosingCoroutine(of: call.node) != nil {
      let insert = Edit(range: call.node.textRange.lowerBound..<call.node.textRange.lowerBound, replacement: "await ")
      let fix = Fix(
        message: "Insert `await`: `await \(shown)`", applicability: made.certain ? .safe : .unsafe, edits: [insert])
      let finding = context.report(
        Self.description, message: "`\(shown)` is not awaited: the \(made.noun) it returns never runs",
        range: call.node.textRange, fixes: [fix])
      context.noteAwaitPoint(at: call.node, from: finding)
      return
    }
    context.report(
      Self.description,
      message:
        "`\(shown)` makes \(made.noun == "coroutine" ? "a" : "an") \(made.noun) outside a coroutine: nothing awaits or "
        + "schedules it, so it never runs",
      range: call.node.textRange, fixes: suggestion(for: call, shown: shown, in: context).map { [$0] } ?? [])
  }

  /// What a call returns that nothing will run unless awaited: how sure the rule is (a fix is
  /// safe when certain, unsafe when it rests on an inferred receiver or a guess), and what the
  /// messages call it.
  struct Awaitable {
    var certain: Bool
    /// "coroutine", or "awaitable" for an instance of a class with `__await__` or `__iter__`.
    var noun = "coroutine"
  }

  /// What `call` returns, when it is an awaitable that nothing will run unless awaited.
  private mutating func awaitable(_ call: CallSyntax, in context: RuleContext) -> Awaitable? {
    let model = context.model
    let callee = call.callee
    if model.mayReferenceAsyncio, let function = model.match(callee, in: Self.asyncioAwaitables) {
      let runs = !Self.micropythonFunctions.contains(function) || context.dialect == .micropython
      return runs ? Awaitable(certain: true) : nil
    }
    let unparenthesized = callee.unparenthesized
    if ownAwaitableNames == nil { ownAwaitableNames = model.awaitableFunctionNames() }
    let tree = context.tree
    if unparenthesized.kind == .name {
      // Only a def of the file that is async or yields, or an import, can make a plain name
      // awaitable: any other name (most calls: `print(…)`, a local helper) needs no resolving.
      guard unparenthesized.isName(in: ownAwaitableNames!) || model.isBoundByImport(unparenthesized) else {
        return nil
      }
      return definedAwaitable(callee, in: context)
    }
    // A method or module attribute: its own name is the function's (no `as` renames it), so a
    // name no coroutine of the file or the project has needs no lookup.
    guard let attribute = AttributeSyntax(unparenthesized), let name = attribute.nameToken else { return nil }
    // The dialect's view of the index: in CPython files (most) the generator functions' names,
    // most names of a large tree, are not even looked up.
    if ownAwaitableNames!.contains(token: name, in: tree)
      || index(in: context).mayDefineAwaitable(token: name, in: tree)
    {
      if let made = definedAwaitable(callee, in: context) { return made }
    }
    // Receivers are typed by an asyncio constructor or server of this file: none without an
    // asyncio import.
    guard model.mayReferenceAsyncio, Self.receiverMethodLastNames.contains(token: name, in: tree) else { return nil }
    if model.inferredNames(ofMember: callee).contains(where: { Self.receiverMethods.contains($0) }) {
      return Awaitable(certain: false)
    }
    if serverCallbacks == nil { serverCallbacks = Self.serverCallbacks(in: model) }
    if !serverCallbacks!.isEmpty,
      let origin = Self.streamParameterOrigin(
        of: attribute.value.unparenthesized, callbacks: serverCallbacks!, in: model),
      Self.receiverMethods.contains(origin.appending(tree.tokenText(name)))
    {
      return Awaitable(certain: false)
    }
    return nil
  }

  /// `awaitable` for a callee the project defines: a coroutine function (a generator function
  /// in MicroPython), or, as a guess, a class whose instances the dialect can await: with
  /// `__await__` in CPython, with an `__iter__` that yields in MicroPython (a plain iterable's
  /// `__iter__` yields too).
  private func definedAwaitable(_ callee: SyntaxNode, in context: RuleContext) -> Awaitable? {
    let model = context.model
    let index = index(in: context)
    switch model.calledFunctionKind(callee, index: index, importer: context.modulePath) {
    case .coroutine: return Awaitable(certain: true)
    case .generator: return context.dialect == .micropython ? Awaitable(certain: true) : nil
    case .asyncGenerator, .plain, .decorated: return nil
    case nil: break
    }
    // Never certain: the class may start its work in `__init__` and be awaitable only to wait
    // for it (`Periodic(1, poll)` left running on purpose). Each dialect by its own protocol.
    guard let awaitable = model.calledAwaitableClass(callee, index: index, importer: context.modulePath) else {
      return nil
    }
    let protocolOfDialect: AwaitableClass = context.dialect == .micropython ? .iteratorGenerator : .awaitMethod
    return awaitable.contains(protocolOfDialect) ? Awaitable(certain: false, noun: "awaitable") : nil
  }

  /// The project index as this file's dialect reads it: in CPython only coroutines are
  /// awaitable, so generator functions' names do not even need a lookup.
  private func index(in context: RuleContext) -> ProjectIndex {
    context.dialect == .micropython ? context.index : context.index.coroutinesOnly
  }

  /// The display-only suggestion for a call outside a coroutine: schedule it as a task, or, in a
  /// MicroPython generator function, delegate to it with `yield from`.
  private func suggestion(for call: CallSyntax, shown: String, in context: RuleContext) -> Fix? {
    let node = call.node
    let range = node.textRange
    if context.dialect == .micropython,
      let function = context.model.enclosingFunction(of: node).flatMap(FunctionDefSyntax.init),
      context.model.flavor(of: function) == .generator
    {
      return Fix(
        message: "Delegate to it: `yield from \(shown)`", applicability: .displayOnly,
        edits: [Edit(range: range.lowerBound..<range.lowerBound, replacement: "yield from ")])
    }
    guard let reference = context.asyncio("create_task", at: node) else { return nil }
    let text = "\(reference.expression)(\(node.text))"
    return Fix(
      message: "Schedule it as a task: `\(reference.expression)(\(shown))`", applicability: .displayOnly,
      edits: [Edit(range: range, replacement: text)] + reference.importEdits)
  }
}
