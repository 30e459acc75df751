import Engine
import PythonSyntax
import Semantics

/// AF105 event-set-in-interrupt: `.set()` on an `asyncio.Event` in code that runs in an interrupt
/// handler, a `micropython.schedule` callback or another thread. `Event.set()` moves the waiting
/// tasks onto the scheduler's queue: from outside the loop that races with the loop's own use of
/// the queue, and it does not wake a loop that is sleeping in its poller (the waiter runs only
/// when the loop next wakes for something else). `ThreadSafeFlag` is MicroPython's answer.
///
/// The walk gathers the `x.set()` calls (no arguments) made in functions; `finish` follows every
/// registered handler (`SemanticModel.interruptRegistrations`, configured registrars included)
/// through the module's call graph and reports the calls whose function is reached and whose
/// receiver was built by `asyncio.Event()` (`origins(of:)`: a module global, a closure variable
/// or `self.attr` across the class). An event set only by tasks is not reported. The event's
/// bound `set` passed as the callback itself (`threading.Timer(5, stop.set)`) is reported where
/// it is passed.
///
/// The fix rewrites the construction, wherever it is, into `ThreadSafeFlag()` with the same
/// binding of asyncio; see `EventSetInInterrupt+Fix.swift` for when it is withheld and why.
public struct EventSetInInterrupt: Rule {
  public init() {}

  static let events: QualifiedNameSet = ["asyncio.Event"]

  /// `x.set()` calls inside functions, in source order.
  private var candidates: [(call: CallSyntax, receiver: SyntaxNode)] = []
  /// Whether the file holds an `x.set` that is not called: it may be a handler itself
  /// (`threading.Timer(5, stop.set)`, `_thread.start_new_thread(done.set, ())`).
  private var hasUncalledSet = false

  /// Its events are made by `asyncio.Event()` in this file: none without an asyncio import.
  public static func mayReport(in model: SemanticModel) -> Bool { model.mayReferenceAsyncio }

  public mutating func visit(_ node: SyntaxNode, in context: RuleContext) {
    if node.kind == .attribute {
      if !hasUncalledSet, let attribute = AttributeSyntax(node), attribute.isName("set"),
        node.parent.flatMap(CallSyntax.init)?.callee != node
      {
        hasUncalledSet = true
      }
      return
    }
    guard let call = CallSyntax(node), let callee = AttributeSyntax(call.callee.unparenthesized),
      callee.isName("set"), call.arguments.isEmpty, context.model.enclosingFunction(of: node) != nil
    else { return }
    candidates.append((call, callee.value.unparenthesized))
  }

  public mutating func finish(in context: RuleContext) {
    if candidates.isEmpty && !hasUncalledSet { return }
    let model = context.model
    var conversions: [Storage: Result<Fix, Blocker>] = [:]
    if hasUncalledSet {
      for registration in context.interruptRegistrations {
        guard let handler = AttributeSyntax(registration.argument.unparenthesized), handler.isName("set") else {
          continue
        }
        let receiver = handler.value.unparenthesized
        let events = Self.eventOrigins(of: receiver, in: model)
        if events.isEmpty { continue }
        let place = CallbackDescription.phrase(registration, handler: nil, in: model)
        report(
          "`\(receiver.compactText).set` runs as \(place)", at: handler.node, receiver: receiver,
          events: events, in: context, conversions: &conversions)
      }
    }
    if candidates.isEmpty { return }
    let reached = Self.functionsRunOutsideTheLoop(in: context)
    if reached.isEmpty { return }
    for (call, receiver) in candidates {
      guard let function = model.enclosingFunction(of: call.node), let reach = reached[function.index] else {
        continue
      }
      // A thread that makes its own loop (`asyncio.new_event_loop()`, `asyncio.run(…)`) in the
      // function that sets the event sets an event of its own loop, from that loop's thread.
      if reach.registration.context == .thread, Self.makesItsOwnLoop(function, in: model) { continue }
      let events = Self.eventOrigins(of: receiver, in: model)
      if events.isEmpty { continue }
      let place =
        CallbackDescription.phrase(reach.registration, handler: reach.handler, in: model)
        + CallbackDescription.through(reach.path, in: model)
      report(
        "`\(receiver.compactText).set()` runs in \(place)", at: call.node, receiver: receiver,
        events: events, in: context, conversions: &conversions)
    }
  }

  /// The `asyncio.Event()` constructions `receiver` may hold.
  static func eventOrigins(of receiver: SyntaxNode, in model: SemanticModel) -> [ValueOrigin] {
    model.origins(of: receiver).filter { $0.typeNames.contains(where: events.contains) }
  }

  /// How a function is reached from a registration: the registration, its handler, and the calls
  /// from the handler to the function.
  struct Reach {
    let registration: InterruptRegistration
    let handler: SyntaxNode
    let path: [CallEdge]
  }

  static let loopMakers: QualifiedNameSet = ["asyncio.new_event_loop", "asyncio.run"]

  /// Whether `function`'s own code (not a nested function's) calls `asyncio.new_event_loop()`
  /// or `asyncio.run()`.
  static func makesItsOwnLoop(_ function: SyntaxNode, in model: SemanticModel) -> Bool {
    function.descendantsAndSelf.contains { node in
      guard let call = CallSyntax(node), model.matches(call.callee, loopMakers) else { return false }
      return model.enclosingFunction(of: node) == function
    }
  }

  /// Every function that runs outside the event loop's tasks, by node index: each registered
  /// handler and what it calls, attributed to the first registration (in source order) that
  /// reaches it.
  static func functionsRunOutsideTheLoop(in context: RuleContext) -> [UInt32: Reach] {
    let roots = context.interruptRegistrations.flatMap { registration in
      registration.handlers.map { (registration, $0) }
    }
    var result: [UInt32: Reach] = [:]
    for (root, reached) in context.callGraph.firstReach(from: roots.map(\.1)) {
      result[reached.function.index] = Reach(registration: roots[root].0, handler: roots[root].1, path: reached.path)
    }
    return result
  }

  /// One storage of an event, as far as its conversion goes: how the receiver is spelled and every
  /// store into it (`storedValues(of:)`), which a name's bindings or `self.attr`'s class decide.
  /// Many handlers setting one event (`ev.set()` in each) share the conversion, whose search of
  /// the storage's uses costs a walk of the file.
  struct Storage: Hashable {
    let spelling: String
    let stores: [UInt32]

    init(_ receiver: SyntaxNode, in model: SemanticModel) {
      spelling = receiver.compactText
      stores = model.storedValues(of: receiver).map(\.target.index)
    }
  }

  /// Reports `head` (what runs where) at `node`, with why it is wrong and the ThreadSafeFlag fix
  /// or the reason there is none; `conversions` keeps the fix or blocker of each storage seen.
  private func report(
    _ head: String, at node: SyntaxNode, receiver: SyntaxNode, events: [ValueOrigin], in context: RuleContext,
    conversions: inout [Storage: Result<Fix, Blocker>]
  ) {
    let receiverText = receiver.compactText
    if context.dialect == .cpython {
      context.report(
        Self.description,
        message: "\(head): an asyncio.Event is not thread-safe; call `loop.call_soon_threadsafe(\(receiverText).set)` "
          + "instead",
        range: node.textRange)
      return
    }
    let message = "\(head): an asyncio.Event is not safe to set outside the event loop"
    let storage = Storage(receiver, in: context.model)
    let conversion = conversions[storage] ?? Self.conversion(of: receiver, events: events, in: context)
    conversions[storage] = conversion
    switch conversion {
    case .success(let fix):
      context.report(Self.description, message: message, range: node.textRange, fixes: [fix])
    case .failure(let blocker):
      context.report(Self.description, message: "\(message); not fixed: \(blocker.reason)", range: node.textRange)
    }
  }
}
