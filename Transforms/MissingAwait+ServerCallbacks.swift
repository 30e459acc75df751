import Engine
import PythonSyntax
import Semantics

/// The stream reader and writer a server's client callback receives: `asyncio.start_server(cb,
/// …)` calls `cb(reader, writer)` for every connection, so in
/// `async def cb(reader, writer): writer.drain()` the writer is as much a stream as the one
/// `open_connection` returns — an inference from how the function is passed, hence unsafe.
extension MissingAwait {
  static let servers: QualifiedNameSet = ["asyncio.start_server", "asyncio.start_unix_server"]

  /// The defs of this file passed by name as the client callback (first positional argument,
  /// or CPython's `client_connected_cb=`) of an asyncio server; by node index.
  static func serverCallbacks(in model: SemanticModel) -> Set<UInt32> {
    var callbacks: Set<UInt32> = []
    let tree = model.tree
    for index in 0..<UInt32(tree.nodeCount) where tree.nodeKinds[Int(index)] == .call {
      guard let call = CallSyntax(tree.node(index)), model.matches(call.callee, servers) else { continue }
      let argument = call.keywordArgument("client_connected_cb") ?? call.positionalArguments.first
      guard let name = argument?.value.unparenthesized, name.kind == .name else { continue }
      for binding in model.resolve(name).bindings where binding.kind == .function {
        callbacks.insert(binding.node.index)
      }
    }
    return callbacks
  }

  /// The origin name (as `receiverMethods` spells the streams of `open_connection`:
  /// `asyncio.open_connection.0` for the reader, `.1` for the writer) of `receiver` when it is
  /// the first or second parameter of a server callback in `callbacks`.
  static func streamParameterOrigin(of receiver: SyntaxNode, callbacks: Set<UInt32>, in model: SemanticModel)
    -> QualifiedName?
  {
    guard receiver.kind == .name, case .bound(let bindings) = model.resolve(receiver), bindings.count == 1,
      bindings[0].kind == .parameter, let parameters = bindings[0].node.parent,
      let function = parameters.parent, callbacks.contains(function.index),
      let position = ParametersSyntax(parameters)?.parameters.firstIndex(where: { $0.node == bindings[0].node }),
      position < 2
    else { return nil }
    return QualifiedName("asyncio.open_connection.\(position)")
  }
}
