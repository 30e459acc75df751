import PythonSyntax

/// Which state a coroutine shares with other tasks: what AF106 follows across await points.
///
/// Shared, as seen from one coroutine:
/// - `self.attr` (and longer chains over it), where `self` is the coroutine's own first
///   parameter and the coroutine is a method (not a `@staticmethod`): every task calling a
///   method of the same object sees the same attributes (`cls.attr` in a `@classmethod` too);
/// - a module-level name (every binding it may refer to is in the module scope): a `global`
///   the coroutine declares, or a module-level object it reads or changes in place (`items`,
///   `cache[key]`, `config.x`).
///
/// Not shared: the coroutine's locals and parameters (other than the receiver), closure
/// variables of an enclosing function, builtins and unresolved names. Closures are shared when
/// several tasks run the same inner coroutine, but telling that needs the call sites; they are
/// left out so that findings stay precise.
public struct SharedState {
  public let model: SemanticModel
  public let coroutine: FunctionDefSyntax

  public init(coroutine: FunctionDefSyntax, model: SemanticModel) {
    self.coroutine = coroutine
    self.model = model
  }

  /// Methods that change their receiver in place (`list`, `dict`, `set`, `deque`, `bytearray`).
  /// A call of one is a write of the receiver, not a read: `items.append(x)` changes `items`
  /// without looking at it.
  public static let mutatingMethods: Set<String> = [
    "append", "extend", "insert", "pop", "remove", "clear", "update", "setdefault", "popitem", "add", "discard",
  ]

  /// asyncio's primitives that exclude other tasks while held by `async with`.
  public static let lockTypes: QualifiedNameSet = [
    "asyncio.Lock", "asyncio.Semaphore", "asyncio.BoundedSemaphore", "asyncio.Condition",
  ]

  /// The shared state `expression` (a name, attribute chain or subscript, `a.b[i].c` standing
  /// for `a.b.c`) reads or writes, or `nil` when it is not shared (see the type's comment).
  public func path(of expression: SyntaxNode) -> StatePath? {
    guard let path = StatePath(expression), let root = path.root else { return nil }
    switch model.resolve(root) {
    case .bound(let bindings) where !bindings.isEmpty:
      if bindings.allSatisfy({ $0.scope == .module }) {
        // A module, function or class itself is not state; its attributes are.
        let isDefinition = bindings.allSatisfy { $0.kind == .import || $0.kind == .function || $0.kind == .class }
        return path.count == 1 && isDefinition ? nil : path
      }
      return path.count >= 2 && isReceiver(root, bindings: bindings) ? path : nil
    default:
      return nil
    }
  }

  /// Whether `name` is the coroutine's own receiver parameter (`self`, `cls`), never rebound.
  private func isReceiver(_ name: SyntaxNode, bindings: [Binding]) -> Bool {
    guard bindings.count == 1, bindings[0].kind == .parameter,
      bindings[0].node.parent?.parent == coroutine.node
    else { return false }
    return model.instanceClass(of: name) != nil
  }

  /// Whether `async with expression` holds a lock: the expression resolves (through the
  /// construction of the name or `self.attr` it reads, `ValueOrigins`) to an asyncio `Lock`,
  /// `Semaphore`, `BoundedSemaphore` or `Condition`; or its last name says "lock" (`lock`,
  /// `self._write_lock`, `LOCK`, `self.rlock`; not `clock` or `block`: `namesALock`), since
  /// locks made elsewhere (passed in, a factory, another module) cannot be resolved and the
  /// name is how code says what it is. An item of a container (`self._locks[key]`) is named by
  /// the container.
  public func holdsLock(_ expression: SyntaxNode) -> Bool {
    var node = expression.unparenthesized
    if let call = CallSyntax(node), model.matches(call.callee, Self.lockTypes) { return true }
    // One lock of many: `self._locks[key]` is named by its container.
    while let subscription = SubscriptSyntax(node) { node = subscription.value.unparenthesized }
    let last: String?
    switch node.kind {
    case .name: last = node.text
    case .attribute: last = AttributeSyntax(node)?.name
    default: last = nil
    }
    guard let last else { return false }
    if Self.namesALock(last) { return true }
    return model.matchOrigin(of: node, in: Self.lockTypes) != nil
  }

  /// Whether an identifier says it is a lock: one of its words (split at `_`, digits and
  /// lower-to-upper case changes) is `lock`/`locks` or ends in it (`rlock`, `writelock`), but
  /// is not one of the words that merely contain it (`block`, `clock`, `unlock`, `deadlock`).
  static func namesALock(_ identifier: String) -> Bool {
    var words: [String] = []
    var word = ""
    var previousIsLower = false
    for character in identifier {
      let isUpper = character.isUppercase
      if !character.isLetter || (isUpper && previousIsLower) {
        if !word.isEmpty { words.append(word.lowercased()) }
        word = ""
      }
      if character.isLetter { word.append(character) }
      previousIsLower = character.isLowercase
    }
    if !word.isEmpty { words.append(word.lowercased()) }
    let notLocks: Set<String> = ["block", "clock", "unlock", "deadlock", "livelock"]
    return words.contains { word in
      let singular = word.hasSuffix("locks") ? String(word.dropLast()) : word
      return singular.hasSuffix("lock") && !notLocks.contains(singular)
    }
  }
}

extension StatePath {
  /// Whether this path is `other` or a prefix of it: writing `self.a` changes what `self.a.b`
  /// reads; writing `self.a.b` leaves a read of `self.a` (its identity) as it was.
  public func isPrefix(of other: StatePath) -> Bool {
    count <= other.count && components[...] == other.components.prefix(count)
  }

  /// The path as Python spells it, items dropped: `self.items`.
  public var dottedName: String { components.joined(separator: ".") }
}
