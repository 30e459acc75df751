import PythonSyntax
import Semantics

/// Sockets the code makes non-blocking: `s.setblocking(False)` (or `0`) and `s.settimeout(0)`
/// (`0.0`) make `recv`, `send`, `accept`, … return at once (or raise `EAGAIN`), so AF109 does not
/// report them.
///
/// A socket is non-blocking when such a call is made on the same storage as the receiver, as
/// `SemanticModel.references(toStorageOf:)` counts it: the same variable (a name resolving to a
/// binding in common — a local of the coroutine, a module global configured where it is made)
/// or the same `self.sock` of the class, configured in any of its methods (`__init__`
/// typically). Where in the code does not matter: the pattern is "make it, configure it, use
/// it". `settimeout(None)` and a positive timeout leave the socket blocking; a variable bound
/// again to a new socket is a new socket.
///
/// The configuring calls are collected once per file, by storage, so each question is a lookup
/// rather than a walk of the file.
final class NonBlockingSockets {
  private struct InstanceAttribute: Hashable {
    let owner: UInt32
    let name: String
  }

  private let model: SemanticModel
  private var bindings: Set<Binding> = []
  private var attributes: Set<InstanceAttribute> = []

  init(model: SemanticModel) {
    self.model = model
    collectConfiguredSockets()
  }

  /// Whether `receiver` (the value of `receiver.recv(…)`) is a socket made non-blocking.
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
      guard let call = CallSyntax(tree.node(UInt32(index))),
        let attribute = AttributeSyntax(call.callee.unparenthesized),
        let method = attribute.name, method == "setblocking" || method == "settimeout",
        call.arguments.count == 1, call.arguments[0].kind == .positional
      else { continue }
      let argument = call.arguments[0].value.unparenthesized
      guard LoopAnalysis.literalTruth(argument) == false else { continue }
      // `settimeout(None)` is blocking mode; only a zero timeout is non-blocking.
      if method == "settimeout", ConstantSyntax(argument)?.kind == ConstantSyntax.Kind.none { continue }
      let socket = attribute.value.unparenthesized
      if socket.kind == .name {
        bindings.formUnion(model.resolve(socket).bindings)
      } else if let owned = instanceAttribute(socket) {
        attributes.insert(owned)
      }
    }
  }
}
