import PythonSyntax
import Semantics

/// Sockets the code makes non-blocking: `s.setblocking(False)` (or `0`) and `s.settimeout(0)`
/// (`0.0`) make `recv`, `send`, `accept`, … return at once (or raise `EAGAIN`), so AF109 does not
/// report them.
///
/// A socket is non-blocking at a call when such a call is made on the same expression (`s`,
/// `self.sock`, compared by its name path) in the function the call is in, or in a function
/// that stored the socket there (`self.sock = socket.socket()` then
/// `self.sock.setblocking(False)` in `__init__`; module level counts as one such place). Where in
/// that code does not matter: the pattern is "make it, configure it, use it". `settimeout(None)`
/// and a positive timeout leave the socket blocking.
final class NonBlockingSockets {
  private struct Setting: Hashable {
    let path: [String]
    /// The def or lambda the setting call runs in; `nil` at module level or in a class body.
    let function: UInt32?
  }

  private let model: SemanticModel
  /// Every setting call in the file, found on first use (most files have no blocking socket).
  private lazy var settings: Set<Setting> = collectSettings()

  init(model: SemanticModel) {
    self.model = model
  }

  /// Whether `receiver` (the value of `receiver.recv(…)`, at `call`) is a socket made non-blocking.
  func isNonBlocking(_ receiver: SyntaxNode, at call: SyntaxNode) -> Bool {
    guard let path = StatePath(receiver), !settings.isEmpty else { return false }
    let places = [call] + model.storedValues(of: receiver).map(\.target)
    return places.contains { place in
      settings.contains(Setting(path: path.components, function: model.enclosingFunction(of: place)?.index))
    }
  }

  private func collectSettings() -> Set<Setting> {
    let tree = model.tree
    var result: Set<Setting> = []
    for index in tree.nodeKinds.indices where tree.nodeKinds[index] == .call {
      let node = tree.node(UInt32(index))
      guard let call = CallSyntax(node), let attribute = AttributeSyntax(call.callee.unparenthesized),
        let method = attribute.name, method == "setblocking" || method == "settimeout",
        call.arguments.count == 1, call.arguments[0].kind == .positional,
        let path = StatePath(attribute.value)
      else { continue }
      let argument = call.arguments[0].value.unparenthesized
      guard LoopAnalysis.literalTruth(argument) == false else { continue }
      // `settimeout(None)` is blocking mode; only a zero timeout is non-blocking.
      if method == "settimeout", ConstantSyntax(argument)?.kind == ConstantSyntax.Kind.none { continue }
      result.insert(Setting(path: path.components, function: model.enclosingFunction(of: node)?.index))
    }
    return result
  }
}
