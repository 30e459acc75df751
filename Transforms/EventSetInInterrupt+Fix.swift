import Engine
import PythonSyntax
import Semantics

/// AF105's fix: every construction of the event becomes `ThreadSafeFlag()`, spelled through the
/// same binding of asyncio (`uasyncio.Event()` → `uasyncio.ThreadSafeFlag()`; `Event()` from
/// `from asyncio import Event` → `ThreadSafeFlag()`, the import then naming `ThreadSafeFlag` in
/// place of `Event` when nothing else uses it, beside it otherwise).
/// Unsafe: a ThreadSafeFlag serves one waiter (one `.wait()` in the source may be run by several
/// tasks, which the message asks the user to check) and clears itself when `wait()` returns, so code
/// that relied on the event staying set behaves differently.
///
/// Withheld, with the reason in the message, when the flag could not stand in for the event:
/// - the storage is also assigned something other than `asyncio.Event()` or `None`;
/// - more than one `.wait()` call waits on it (a ThreadSafeFlag wakes one waiter);
/// - it uses a member a ThreadSafeFlag lacks (`is_set()`; only `set`, `clear` and `wait` exist);
/// - it escapes the code the rule sees: passed to a call (other than the registration that hands
///   it to the handler, `micropython.schedule(cb, ev)`), returned, stored elsewhere, listed in
///   `__all__`, or a public attribute of a class (`self.pressed`: a class is there to be used by
///   other modules, which may wait on its attribute or test `is_set()`). A public module global
///   is not taken as escaping on its own: MicroPython programs keep their events in the main
///   module's globals, which no other module imports, and this per-file rule cannot see other
///   modules' imports; the fix being unsafe, the user reviews it;
/// - `ThreadSafeFlag` cannot be named where the event is built (the name means something else).
extension EventSetInInterrupt {
  /// Why the event cannot become a ThreadSafeFlag.
  struct Blocker: Error {
    let reason: String
  }

  static let threadSafeFlagMembers: Set<String> = ["set", "clear", "wait"]

  static func conversion(
    of receiver: SyntaxNode, events: [ValueOrigin], in context: RuleContext
  ) -> Result<Fix, Blocker> {
    do {
      try checkStores(of: receiver, in: context.model)
      let waitLine = try checkUses(of: receiver, in: context)
      try checkExports(of: receiver, in: context.model)
      var edits: [Edit] = []
      var importedEvents: [Binding] = []
      for event in events {
        let construction = try constructionEdits(event.call, in: context.model)
        edits += construction.edits
        for binding in construction.importedEvent where !importedEvents.contains(where: { $0.id == binding.id }) {
          importedEvents.append(binding)
        }
      }
      edits += importEdits(importedEvents, constructions: events.map(\.call), in: context.model)
      let lines = events.map { "\(CallbackDescription.line(of: $0.call.node))" }
      let spelling = try constructionSpelling(events[0].call, in: context.model)
      let message =
        "Construct `\(receiver.compactText)` as `\(spelling)()` (line\(lines.count > 1 ? "s" : "") "
        + lines.joined(separator: ", ") + "): " + caveat(waitLine: waitLine)
      return .success(Fix(message: message, applicability: .unsafe, edits: edits))
    } catch let blocker as Blocker {
      return .failure(blocker)
    } catch {
      return .failure(Blocker(reason: "\(error)"))
    }
  }

  /// What the user must check before taking the fix. One `.wait()` in the source may still be
  /// run by several tasks at once (`asyncio.gather(waiter(), waiter())`, `create_task` in a loop),
  /// which the rule cannot count: the message points at it.
  private static func caveat(waitLine: Int?) -> String {
    guard let waitLine else { return "ThreadSafeFlag wakes one waiter and clears itself when `wait()` returns" }
    return "ThreadSafeFlag wakes one waiter: check that one task at a time runs the `.wait()` at line \(waitLine) "
      + "(a coroutine gathered twice or started in a loop is several waiters); it clears itself when `wait()` returns"
  }

  // MARK: Blockers

  /// Every store into the storage is an `asyncio.Event()` or `None`.
  private static func checkStores(of receiver: SyntaxNode, in model: SemanticModel) throws {
    for stored in model.storedValues(of: receiver) {
      if let origin = model.origin(of: stored), origin.typeNames.contains(where: events.contains) { continue }
      if let value = stored.value?.unparenthesized, value.kind == .constant, value.text == "None" { continue }
      throw Blocker(reason: "it is also bound to something else at line \(CallbackDescription.line(of: stored.target))")
    }
  }

  /// One waiter, only members a ThreadSafeFlag has, and no use that lets the object out; gives
  /// the line of the one `.wait()`, if any.
  private static func checkUses(of receiver: SyntaxNode, in context: RuleContext) throws -> Int? {
    let uses = context.model.uses(ofStorage: receiver)
    let waits = uses.compactMap { use -> Int? in
      guard case .methodCall("wait", let call) = use.kind else { return nil }
      return CallbackDescription.line(of: call.node)
    }
    if waits.count > 1 {
      throw Blocker(
        reason: "\(waits.count) places wait on it (`.wait()` at lines "
          + waits.map(String.init).joined(separator: ", ") + ") and a ThreadSafeFlag wakes only one waiter")
    }
    for use in uses {
      let line = CallbackDescription.line(of: use.reference)
      switch use.kind {
      case .methodCall(let name, _), .attribute(let name):
        if !threadSafeFlagMembers.contains(name) {
          let member = if case .methodCall = use.kind { "\(name)()" } else { name }
          throw Blocker(reason: "it uses `.\(member)` (line \(line)), which a ThreadSafeFlag does not have")
        }
      case .passed(let call):
        if context.interruptRegistrations.contains(where: { $0.call == call }) { continue }
        throw Blocker(
          reason: "it is passed to `\(call.callee.compactText)()` at line \(line), "
            + "which may rely on an Event")
      case .returned:
        throw Blocker(reason: "it is returned at line \(line), so code elsewhere may rely on an Event")
      case .stored:
        throw Blocker(reason: "it is stored elsewhere at line \(line), so code elsewhere may rely on an Event")
      case .other:
        throw Blocker(reason: "it is used as a value at line \(line)")
      case .store, .inspected:
        continue
      }
    }
    return waits.first
  }

  /// A module global listed in the module's `__all__`, or a class's public attribute, is meant
  /// for other modules.
  private static func checkExports(of receiver: SyntaxNode, in model: SemanticModel) throws {
    if let attribute = AttributeSyntax(receiver), let name = attribute.name, !name.hasPrefix("_") {
      throw Blocker(
        reason: "`\(receiver.compactText)` is a public attribute, which code in other modules "
          + "may use as an Event")
    }
    guard receiver.kind == .name, let binding = model.resolve(receiver).bindings.last,
      model.scope(binding.scope).kind == .module
    else { return }
    let quoted: Set<String> = ["\"\(binding.name)\"", "'\(binding.name)'"]
    for export in model.bindings(named: "__all__", in: binding.scope) {
      guard let value = export.assignedValue else { continue }
      if value.descendantsAndSelf.contains(where: { $0.kind == .constant && quoted.contains($0.text) }) {
        throw Blocker(reason: "it is exported in `__all__`, so other modules may rely on an Event")
      }
    }
  }

  // MARK: Edits

  /// How the rewritten construction names `ThreadSafeFlag`: `uasyncio.ThreadSafeFlag`,
  /// `asyncio.ThreadSafeFlag`, or the bare (possibly `as`-renamed) name.
  private static func constructionSpelling(_ call: CallSyntax, in model: SemanticModel) throws -> String {
    let callee = call.callee.unparenthesized
    if let attribute = AttributeSyntax(callee) {
      return attribute.value.compactText + ".ThreadSafeFlag"
    }
    if case .importedName(let name) = model.asyncioBinding(for: "ThreadSafeFlag", at: call.node) { return name }
    if case .bound = model.resolve("ThreadSafeFlag", at: call.node) {
      let line = CallbackDescription.line(of: call.node)
      throw Blocker(reason: "`ThreadSafeFlag` means something else where the event is built (line \(line))")
    }
    return "ThreadSafeFlag"
  }

  /// The edits turning `call` (an `asyncio.Event()` construction) into a ThreadSafeFlag's, and
  /// the `from asyncio import Event` bindings (one per fallback branch) whose imports must then
  /// name `ThreadSafeFlag` (`importEdits`).
  private static func constructionEdits(_ call: CallSyntax, in model: SemanticModel) throws
    -> (edits: [Edit], importedEvent: [Binding])
  {
    let callee = call.callee.unparenthesized
    let spelling = try constructionSpelling(call, in: model)
    if let attribute = AttributeSyntax(callee), let token = attribute.nameToken {
      return ([Edit(range: model.tree.tokens.textRange(token), replacement: "ThreadSafeFlag")], [])
    }
    let edits = [Edit(range: callee.textRange, replacement: spelling)]
    if spelling != "ThreadSafeFlag" { return (edits, []) }
    if case .importedName = model.asyncioBinding(for: "ThreadSafeFlag", at: call.node) { return (edits, []) }
    let bindings = model.resolve(callee).bindings
    for binding in bindings {
      guard let record = model.importRecord(for: binding), record.isFrom else {
        throw Blocker(reason: "the event's `Event` is not imported from asyncio")
      }
    }
    return (edits, bindings)
  }

  /// The imports of `bindings` (`from asyncio import Event`, in each fallback branch) name
  /// `ThreadSafeFlag` after the fix: the alias itself becomes `ThreadSafeFlag` when nothing but
  /// the converted `constructions` uses that `Event` (an unused import would be left behind
  /// otherwise), and the import gains `, ThreadSafeFlag` when something still does.
  private static func importEdits(_ bindings: [Binding], constructions: [CallSyntax], in model: SemanticModel)
    -> [Edit]
  {
    if bindings.isEmpty { return [] }
    let converted = Set(constructions.map { $0.callee.unparenthesized.index })
    let tree = model.tree
    let localName = bindings[0].name
    let stillUsed = (0..<UInt32(tree.nodeCount)).contains { index in
      switch tree.nodeKinds[Int(index)] {
      case .name:
        guard !converted.contains(index), let name = NameSyntax(tree.node(index)), name.identifier == localName
        else { return false }
        return model.resolve(name.node).bindings.contains { used in bindings.contains { $0.id == used.id } }
      case .constant:
        // A string annotation (`ev: "Event"`) or an `__all__` entry may name it too.
        guard let constant = ConstantSyntax(tree.node(index)), constant.isString else { return false }
        return constant.node.text.contains(localName)
      default:
        return false
      }
    }
    return bindings.compactMap { binding in
      guard let record = model.importRecord(for: binding) else { return nil }
      return stillUsed
        ? Edit.insertion(", ThreadSafeFlag", at: record.node.textRange.upperBound)
        : Edit(range: record.node.textRange, replacement: "ThreadSafeFlag")
    }
  }
}
