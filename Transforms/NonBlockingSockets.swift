import PythonSyntax
import Semantics

/// Sockets whose reads and writes AF109 does not report, because the code arranged for them to
/// return at once:
/// - made non-blocking: `s.setblocking(False)` (or `0`) and `s.settimeout(0)` (`0.0`) make
///   `recv`, `send`, `accept`, … return at once (or raise `EAGAIN`). `settimeout(None)` and a
///   positive timeout leave the socket blocking;
/// - watched by a poller: registered with `select.poll()` (MicroPython's `uselect.poll()`),
///   `select.epoll()`, a `selectors` selector (`p.register(s, …)`, `p.modify(s, …)`, also by
///   `s.fileno()`), or listed in a `select.select([s], …, …)` call. The pattern is "poll, then
///   read what is ready": the read after `p.poll(0)` says readable returns at once. That the
///   read really is guarded by the poll result is not checked (a choice: code that registers a
///   socket and then reads it blindly is rare, and the reader would be told about a call that
///   does not block in the common case).
///
/// Either is recognised on the same storage as the receiver, as
/// `SemanticModel.references(toStorageOf:)` counts it: the same variable (a name resolving to a
/// binding in common — a local of the coroutine, a module global configured where it is made)
/// or the same `self.sock` of the class, configured in any of its methods (`__init__`
/// typically). Where in the code does not matter: the pattern is "make it, configure it, use
/// it". A variable bound again to a new socket is a new socket.
///
/// The configuring calls are collected once per file, by storage, so each question is a lookup
/// rather than a walk of the file.
final class NonBlockingSockets {
  private struct InstanceAttribute: Hashable {
    let owner: UInt32
    let name: String
  }

  /// The methods of a poller or selector that watch the socket passed first, as
  /// `calleeNames(of:)` names them through the call that made the poller.
  private static let pollerRegistrations: QualifiedNameSet = {
    let pollers =
      ["select.poll", "select.epoll", "select.devpoll"]
      + ["Default", "Select", "Poll", "Epoll", "Devpoll", "Kqueue"].map { "selectors.\($0)Selector" }
    return QualifiedNameSet(pollers.flatMap { poller in ["register", "modify"].map { "\(poller).\($0)" } })
  }()
  private static let select: QualifiedNameSet = ["select.select"]

  private let model: SemanticModel
  private let cache: ValueNameCache
  private var bindings: Set<Binding> = []
  private var attributes: Set<InstanceAttribute> = []

  init(model: SemanticModel, cache: ValueNameCache) {
    self.model = model
    self.cache = cache
    collectConfiguredSockets()
  }

  /// Whether `receiver` (the value of `receiver.recv(…)`) is a socket made non-blocking or
  /// watched by a poller.
  func isNonBlocking(_ receiver: SyntaxNode) -> Bool {
    if bindings.isEmpty && attributes.isEmpty { return false }
    let node = receiver.unparenthesized
    switch node.kind {
    case .name:
      return model.resolve(node).bindings.contains { bindings.contains($0) }
    case .attribute:
      return instanceAttribute(node).map { attributes.contains($0) } ?? false
    default:
      return false
    }
  }

  /// `self.name` in a method of a class, as that class's attribute.
  private func instanceAttribute(_ node: SyntaxNode) -> InstanceAttribute? {
    guard let attribute = AttributeSyntax(node), let name = attribute.name,
      let owner = model.instanceClass(of: attribute.value.unparenthesized)
    else { return nil }
    return InstanceAttribute(owner: owner.node.index, name: name)
  }

  private func collectConfiguredSockets() {
    let tree = model.tree
    for index in tree.nodeKinds.indices where tree.nodeKinds[index] == .call {
      guard let call = CallSyntax(tree.node(UInt32(index))) else { continue }
      let callee = call.callee.unparenthesized
      // The method's name, or the function's (`from select import select`).
      switch AttributeSyntax(callee)?.name ?? (callee.kind == .name ? callee.text : nil) {
      case "setblocking", "settimeout":
        if let socket = nonBlockingMode(call) { insert(socket) }
      case "register", "modify":
        guard let first = call.arguments.first, first.kind == .positional,
          model.calleeNames(of: callee, cache: cache).contains(where: { Self.pollerRegistrations.contains($0) })
        else { continue }
        insert(Self.socket(ofDescriptor: first.value))
      case "select":
        guard model.matches(callee, Self.select) else { continue }
        // The read, write and error lists, when written in place.
        for argument in call.arguments.prefix(3) where argument.kind == .positional {
          let list = argument.value.unparenthesized
          guard list.kind == .list || list.kind == .tuple else { continue }
          for element in list.children { insert(Self.socket(ofDescriptor: element)) }
        }
      default:
        continue
      }
    }
  }

  /// The socket `s.setblocking(False)` or `s.settimeout(0)` makes non-blocking, if `call` is one.
  private func nonBlockingMode(_ call: CallSyntax) -> SyntaxNode? {
    guard let attribute = AttributeSyntax(call.callee.unparenthesized), let method = attribute.name,
      call.arguments.count == 1, call.arguments[0].kind == .positional
    else { return nil }
    let argument = call.arguments[0].value.unparenthesized
    guard argument.literalTruth == false else { return nil }
    // `settimeout(None)` is blocking mode; only a zero timeout is non-blocking.
    if method == "settimeout", ConstantSyntax(argument)?.kind == ConstantSyntax.Kind.none { return nil }
    return attribute.value
  }

  /// The socket a poller is given: `s`, or `s` of `s.fileno()`.
  private static func socket(ofDescriptor expression: SyntaxNode) -> SyntaxNode {
    let node = expression.unparenthesized
    guard let call = CallSyntax(node), call.arguments.isEmpty,
      let attribute = AttributeSyntax(call.callee.unparenthesized),
      attribute.name == "fileno"
    else { return node }
    return attribute.value
  }

  /// Records the storage of `socket` (a name or `self.attr`; anything else is not followed).
  private func insert(_ socket: SyntaxNode) {
    let node = socket.unparenthesized
    if node.kind == .name {
      bindings.formUnion(model.resolve(node).bindings)
    } else if let owned = instanceAttribute(node) {
      attributes.insert(owned)
    }
  }
}
