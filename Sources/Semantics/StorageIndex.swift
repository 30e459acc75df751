import PythonSyntax

/// Where each name and attribute of a file is spelled, and which attribute nodes of a class
/// name its instances' storage: the indexes behind `origins(of:)` and
/// `references(toStorageOf:)`, built on first use and kept for the model's lifetime.
///
/// Without them every query about `self.x` reread the whole class and every query about a name
/// walked the whole file, so a rule asking once per call or per finding went quadratic (a class
/// with thousands of `self.sock.send(…)` calls, a module with thousands of handlers setting one
/// event). Now the file is walked once for its names and attributes, and each class once.
///
/// A `SemanticModel` is shared by the rules of one file, on one thread, but is `Sendable`; the
/// tables are built outside the lock (building asks the model questions that may need other
/// tables) and stored under it, so two threads racing build the same table twice, harmlessly.
final class StorageIndex: @unchecked Sendable {
  private let lock = MutexLock()
  /// `.name` nodes by spelling, in source order (`nil` until first used).
  private var names: [String: [UInt32]]?
  /// `.attribute` nodes by attribute name, in source order.
  private var attributes: [String: [UInt32]]?
  /// Per class (by def node): its instances' storage nodes by attribute name.
  private var classAttributes: [UInt32: [String: [UInt32]]] = [:]
  /// Per attribute name: its nodes outside the classes, on names holding an instance, grouped
  /// by the class (def node) whose instance the name holds.
  private var instanceAttributes: [String: [UInt32: [UInt32]]] = [:]

  private func locked<T>(_ body: () -> T) -> T { lock.withLock(body) }

  /// The `.name` nodes spelled `text`.
  func nameNodes(_ text: String, in tree: SyntaxTree) -> [UInt32] {
    if let table = locked({ names }) { return table[text] ?? [] }
    let (builtNames, builtAttributes) = Self.spellings(of: tree)
    locked {
      names = builtNames
      attributes = builtAttributes
    }
    return builtNames[text] ?? []
  }

  /// The `.attribute` nodes whose attribute is `name`.
  func attributeNodes(_ name: String, in tree: SyntaxTree) -> [UInt32] {
    if let table = locked({ attributes }) { return table[name] ?? [] }
    _ = nameNodes(name, in: tree)
    return locked { attributes?[name] ?? [] }
  }

  /// The table of class `owner` (by def node index), building it with `build` on first use.
  func classAttributes(_ owner: UInt32, build: () -> [String: [UInt32]]) -> [String: [UInt32]] {
    if let table = locked({ classAttributes[owner] }) { return table }
    let table = build()
    locked { classAttributes[owner] = table }
    return table
  }

  /// The nodes of `attribute` on instances outside their class, by class, building the table
  /// with `build` on first use: one classification of the attribute's nodes serves every class
  /// (a file with a thousand classes each holding `self._ev` asks once, not once per class).
  func instanceAttributes(_ attribute: String, build: () -> [UInt32: [UInt32]]) -> [UInt32: [UInt32]] {
    if let table = locked({ instanceAttributes[attribute] }) { return table }
    let table = build()
    locked { instanceAttributes[attribute] = table }
    return table
  }

  /// One pass over the node columns: names and attribute names, by spelling.
  private static func spellings(of tree: SyntaxTree) -> (names: [String: [UInt32]], attributes: [String: [UInt32]]) {
    var names: [String: [UInt32]] = [:]
    var attributes: [String: [UInt32]] = [:]
    let kinds = tree.nodeKinds
    for index in kinds.indices {
      switch kinds[index] {
      case .name:
        let node = tree.node(UInt32(index))
        names[node.text, default: []].append(UInt32(index))
      case .attribute:
        guard let name = AttributeSyntax(tree.node(UInt32(index)))?.name else { continue }
        attributes[name, default: []].append(UInt32(index))
      default:
        continue
      }
    }
    return (names, attributes)
  }
}
