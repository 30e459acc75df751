import PythonSyntax
import Semantics

/// Sockets the code makes non-blocking: `s.setblocking(False)` (or `0`) and `s.settimeout(0)`
/// (`0.0`) make `recv`, `send`, `accept`, … return at once (or raise `EAGAIN`), so AF109 does not
/// report them.
///
/// A socket is non-blocking when such a call is made on the same storage as the receiver
/// (`SemanticModel.references(toStorageOf:)`): the same variable — a local of the coroutine, a
/// module global configured where it is made — or the same `self.sock` of the class, configured
/// in any of its methods (`__init__` typically). Where in the code does not matter: the pattern
/// is "make it, configure it, use it". `settimeout(None)` and a positive timeout leave the
/// socket blocking; a variable bound again to a new socket is a new socket.
final class NonBlockingSockets {
  private let model: SemanticModel
  /// The receivers of every such call in the file (node indices), found on first use: most
  /// files have no blocking socket to ask about.
  private lazy var configuredReceivers: Set<UInt32> = collectConfiguredReceivers()

  init(model: SemanticModel) {
    self.model = model
  }

  /// Whether `receiver` (the value of `receiver.recv(…)`) is a socket made non-blocking.
  func isNonBlocking(_ receiver: SyntaxNode) -> Bool {
    if configuredReceivers.isEmpty { return false }
    return model.references(toStorageOf: receiver).contains { configuredReceivers.contains($0.index) }
  }

  private func collectConfiguredReceivers() -> Set<UInt32> {
    let tree = model.tree
    var result: Set<UInt32> = []
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
      result.insert(attribute.value.unparenthesized.index)
    }
    return result
  }
}
