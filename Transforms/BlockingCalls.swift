import Engine
import PythonSyntax
import Semantics

/// One kind of long synchronous call AF109 reports (`BlockingCallTable`, or the configuration's
/// `blocking-calls.add`).
struct BlockingCallEntry: Sendable {
  /// When a call that matches is still not blocking.
  enum Exemption: Sendable {
    /// Passed `keyword=` with a value other than a literal true one: `snapshot(blocking=False)`
    /// returns at once. A non-literal value (`blocking=wait`) is given the benefit of the doubt.
    case keywordFalse(String)
    /// The receiver is a socket made non-blocking with `setblocking(False)` or `settimeout(0)`,
    /// or watched by a poller (`NonBlockingSockets`).
    case nonBlockingReceiver
    /// A name lookup that asks no DNS: `getaddrinfo(…, flags)` with `AI_NUMERICHOST` among the
    /// flags (`NumericLookup`), or a numeric address literal as the host (`"127.0.0.1"`).
    case numericLookup
  }

  /// The qualified names that call it; the first is the one findings show.
  let names: [QualifiedName]
  let exemption: Exemption?
  /// Display-only advice (the finding's help), for MicroPython and, when it differs, CPython.
  let advice: String
  let cpythonAdvice: String?

  init(_ names: [String], unless exemption: Exemption? = nil, advice: String, cpython: String? = nil) {
    self.names = names.map { QualifiedName($0).canonical }
    self.exemption = exemption
    self.advice = advice
    cpythonAdvice = cpython
  }

  init(_ name: String, unless exemption: Exemption? = nil, advice: String, cpython: String? = nil) {
    self.init([name], unless: exemption, advice: advice, cpython: cpython)
  }

  /// The first name as findings show it: `input`, not `builtins.input`.
  var displayName: String {
    let name = names[0]
    return name.components.first == "builtins" ? name.components.dropFirst().joined(separator: ".") : name.description
  }

  func advice(for dialect: Dialect) -> String { dialect == .cpython ? cpythonAdvice ?? advice : advice }
}

/// AF109's list for one file: the built-in table with the settings' `blocking-calls` changes,
/// and the test of a call against it. Shared by AF109 (which reports the calls) and AF103 (whose
/// `for` loops count them) through `RuleContext.blockingCall(_:)`.
///
/// AF102's sleeps are left to AF102, even when configured here: one finding per call.
final class BlockingCalls {
  private let entries: [QualifiedName: BlockingCallEntry]
  /// The last component of every name: most calls are rejected on it without resolving anything.
  private let lastComponents: IdentifierSet
  private let model: SemanticModel
  private let valueNames: ValueNameCache
  private lazy var nonBlockingSockets = NonBlockingSockets(model: model, cache: valueNames)

  init(changes: BlockingCallChanges, model: SemanticModel, valueNames: ValueNameCache) {
    self.model = model
    self.valueNames = valueNames
    let removed = Set(changes.removed.map { QualifiedName($0).canonical })
    let added = changes.added.map { call in
      BlockingCallEntry(
        call.name,
        advice: call.advice
          ?? "Listed in `blocking-calls`: use an asynchronous equivalent, or call it outside the coroutine")
    }
    var entries: [QualifiedName: BlockingCallEntry] = [:]
    for entry in BlockingCallTable.entries + added where removed.isDisjoint(with: entry.names) {
      for name in entry.names where !BlockingSleep.functions.contains(name) { entries[name] = entry }
    }
    self.entries = entries
    lastComponents = IdentifierSet(entries.keys.compactMap(\.lastComponent))
  }

  /// The entry `call` matches and is not exempt from, or `nil`. Where the call is (a coroutine
  /// or not) is the caller's business.
  func match(_ call: CallSyntax) -> BlockingCallEntry? {
    let callee = call.callee.unparenthesized
    switch callee.kind {
    case .name:
      break  // Resolving a name is cheap, and an import may rename it (`from mylib import read_all as slurp`).
    case .attribute:
      guard let last = AttributeSyntax(callee)?.nameToken, lastComponents.contains(token: last, in: model.tree)
      else { return nil }
    default:
      return nil
    }
    for name in model.calleeNames(of: callee, cache: valueNames) {
      guard let entry = entries[name] else { continue }
      return isExempt(call, from: entry) ? nil : entry
    }
    return nil
  }

  private func isExempt(_ call: CallSyntax, from entry: BlockingCallEntry) -> Bool {
    switch entry.exemption {
    case nil:
      return false
    case .keywordFalse(let keyword):
      guard let argument = call.arguments.first(where: { $0.keyword == keyword }) else { return false }
      return argument.value.literalTruth != true
    case .nonBlockingReceiver:
      guard let receiver = AttributeSyntax(call.callee.unparenthesized)?.value else { return false }
      return nonBlockingSockets.isNonBlocking(receiver)
    case .numericLookup:
      return NumericLookup.asksNoDNS(call, in: model)
    }
  }
}
