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
/// or `self.attr` across the class). An event set only by tasks is not reported.
///
/// The fix rewrites the construction, wherever it is, into `ThreadSafeFlag()` with the same
/// binding of asyncio; see `EventSetInInterrupt+Fix.swift` for when it is withheld and why.
public struct EventSetInInterrupt: Rule {
  public init() {}

  static let events: QualifiedNameSet = ["asyncio.Event"]

  /// `x.set()` calls inside functions, in source order.
  private var candidates: [(call: CallSyntax, receiver: SyntaxNode)] = []

  public mutating func visit(_ node: SyntaxNode, in context: RuleContext) {
    guard let call = CallSyntax(node), call.arguments.isEmpty,
      let callee = AttributeSyntax(call.callee.unparenthesized), callee.isName("set"),
      context.model.enclosingFunction(of: node) != nil
    else { return }
    candidates.append((call, callee.value.unparenthesized))
  }

  public mutating func finish(in context: RuleContext) {
    if candidates.isEmpty { return }
    let reached = Self.functionsRunOutsideTheLoop(in: context)
    if reached.isEmpty { return }
    let model = context.model
    for (call, receiver) in candidates {
      guard let function = model.enclosingFunction(of: call.node), let reach = reached[function.index] else {
        continue
      }
      let events = model.origins(of: receiver).filter { $0.typeNames.contains(where: Self.events.contains) }
      if events.isEmpty { continue }
      report(call, receiver: receiver, events: events, reach: reach, in: context)
    }
  }

  /// How a function is reached from a registration: the registration, its handler, and the calls
  /// from the handler to the function.
  struct Reach {
    let registration: InterruptRegistration
    let handler: SyntaxNode
    let path: [CallEdge]
  }

  /// Every function that runs outside the event loop's tasks, by node index: each registered
  /// handler and what it calls, attributed to the first registration (in source order) that
  /// reaches it.
  static func functionsRunOutsideTheLoop(in context: RuleContext) -> [UInt32: Reach] {
    var result: [UInt32: Reach] = [:]
    for registration in context.interruptRegistrations {
      for handler in registration.handlers {
        for reached in context.callGraph.reachable(from: handler) where result[reached.function.index] == nil {
          result[reached.function.index] = Reach(registration: registration, handler: handler, path: reached.path)
        }
      }
    }
    return result
  }

  private func report(
    _ call: CallSyntax, receiver: SyntaxNode, events: [ValueOrigin], reach: Reach, in context: RuleContext
  ) {
    let model = context.model
    let receiverText = BlockingSleep.tokenText(of: receiver)
    let place =
      CallbackDescription.phrase(reach.registration, handler: reach.handler, in: model)
      + CallbackDescription.through(reach.path, in: model)
    let head = "`\(receiverText).set()` runs in \(place)"
    if context.dialect == .cpython {
      context.report(
        Self.description,
        message: "\(head): an asyncio.Event is not thread-safe; call `loop.call_soon_threadsafe(\(receiverText).set)` "
          + "instead",
        range: call.node.textRange)
      return
    }
    let message = "\(head): an asyncio.Event is not safe to set outside the event loop"
    switch Self.conversion(of: receiver, events: events, in: context) {
    case .success(let fix):
      context.report(Self.description, message: message, range: call.node.textRange, fixes: [fix])
    case .failure(let blocker):
      context.report(
        Self.description, message: "\(message); not fixed: \(blocker.reason)", range: call.node.textRange)
    }
  }
}
