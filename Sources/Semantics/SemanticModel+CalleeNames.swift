import PythonSyntax

/// What a call may be calling, through imports and through the values its receiver holds.
///
/// `ValueOrigin.typeNames` names a value by the call that made it (`cam = csi.CSI()` makes
/// `cam` a `csi.CSI`); `inferredNames(ofMember:)` follows one such step. Values are often made by
/// a method of another inferred value (`img = cam.snapshot()`, `conn, peer = server.accept()`) or
/// by a call written in place (`csi.CSI().snapshot()`, `sensor.snapshot().save(…)`); this follows
/// those chains too, a few steps deep, so `img.save` gives `csi.CSI.snapshot.save` and
/// `conn.recv` gives `socket.socket.accept.0.recv` — names a rule's table can list.
extension SemanticModel {
  /// How many calls back a receiver is followed: deep enough for a camera's frame's method
  /// (`csi.CSI` → `snapshot` → `save`), and a bound on chains that feed themselves
  /// (`self.node = self.node.next()`).
  public static let calleeNameDepth = 3

  /// Every qualified name the callee of a call may stand for: its import names
  /// (`qualifiedNames(of:)`: `u.get` after `import urequests as u` gives `urequests.get`), then,
  /// for a method `receiver.m`, each of `valueNames(of: receiver)` with `m` appended. Canonical
  /// (`ModuleAliases`), without repeats, in that order.
  ///
  /// A rule asking about many calls of a file passes one `cache`: the origins of `self.attr`
  /// are found by reading every method of the class, once per attribute with the cache.
  public func calleeNames(
    of callee: SyntaxNode, depth: Int = calleeNameDepth, cache: ValueNameCache? = nil
  ) -> [QualifiedName] {
    var result: [QualifiedName] = []
    for name in qualifiedNames(of: callee) where !result.contains(name.canonical) { result.append(name.canonical) }
    guard depth > 0, let attribute = AttributeSyntax(callee.unparenthesized), let method = attribute.name else {
      return result
    }
    for name in valueNames(of: attribute.value, depth: depth - 1, cache: cache)
    where !result.contains(name.appending(method)) {
      result.append(name.appending(method))
    }
    return result
  }

  /// The names of the calls whose results `expression` may hold, as `ValueOrigin.typeNames`
  /// spells them (`csi.CSI` for `csi.CSI()`; `asyncio.open_connection.1` for the second value
  /// unpacked from it): for a call written in place, its callee's names; for a name or `self.x`,
  /// the names of its origins — an origin made by a method of another value named through that
  /// value (`img = cam.snapshot()` gives `csi.CSI.snapshot`). Empty when nothing is known.
  public func valueNames(
    of expression: SyntaxNode, depth: Int = calleeNameDepth, cache: ValueNameCache? = nil
  ) -> [QualifiedName] {
    let node = expression.unparenthesized
    if let call = CallSyntax(node) { return calleeNames(of: call.callee, depth: depth, cache: cache) }
    guard node.kind == .name || node.kind == .attribute else { return [] }
    let key = cache == nil ? nil : ValueNameCache.Key(attribute: node, depth: depth, in: self)
    if let key, let known = cache?.names[key] { return known }
    var result: [QualifiedName] = []
    for origin in origins(of: node) {
      // `typeNames` already covers a callee reached through imports; only a method of a
      // local value needs the receiver followed (and the depth spent).
      let names =
        origin.callee.isEmpty
        ? calleeNames(of: origin.call.callee, depth: depth, cache: cache).map { name in
          origin.element.map { name.appending(String($0)) } ?? name
        }
        : origin.typeNames
      for name in names where !result.contains(name) { result.append(name) }
    }
    if let key { cache?.names[key] = result }
    return result
  }
}

/// `valueNames(of:)` already worked out for `self.attr` receivers of one file. Their origins are
/// every `self.attr = …` of the class, found by reading all of its methods: without the cache,
/// a class whose many coroutines call `self.sock.send(…)` is read once per call.
///
/// One per file and run, used on one thread.
public final class ValueNameCache {
  /// An attribute of a class's instances, at a depth of following.
  struct Key: Hashable {
    let owner: UInt32
    let attribute: String
    let depth: Int

    /// The key of `self.attr` in a method; `nil` for any other expression (names resolve
    /// through their bindings, which is quick).
    init?(attribute node: SyntaxNode, depth: Int, in model: SemanticModel) {
      guard let attribute = AttributeSyntax(node), let name = attribute.name,
        let owner = model.instanceClass(of: attribute.value.unparenthesized)
      else { return nil }
      self.owner = owner.node.index
      self.attribute = name
      self.depth = depth
    }
  }

  var names: [Key: [QualifiedName]] = [:]

  public init() {}
}
