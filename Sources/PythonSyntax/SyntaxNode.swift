/// A handle on one node of a `SyntaxTree`: the tree and the node's pre-order index.
///
/// Cheap to copy and compare. The typed views (`FunctionDefSyntax`, `CallSyntax`, …) wrap it.
public struct SyntaxNode: Hashable, @unchecked Sendable {
  public let tree: SyntaxTree
  public let index: UInt32

  public init(tree: SyntaxTree, index: UInt32) {
    self.tree = tree
    self.index = index
  }

  public static func == (lhs: SyntaxNode, rhs: SyntaxNode) -> Bool {
    lhs.index == rhs.index && lhs.tree === rhs.tree
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(index)
    hasher.combine(ObjectIdentifier(tree))
  }

  @inlinable public var kind: NodeKind { tree.nodeKinds[Int(index)] }
  public var firstToken: UInt32 { tree.nodeFirstTokens[Int(index)] }
  /// One past the last token.
  public var endToken: UInt32 { tree.nodeEndTokens[Int(index)] }
  public var subtreeSize: UInt32 { tree.nodeSubtreeSizes[Int(index)] }

  public var parent: SyntaxNode? {
    let parent = tree.nodeParents[Int(index)]
    return parent == UInt32.max ? nil : SyntaxNode(tree: tree, index: parent)
  }

  /// The direct children, in source order.
  public var children: Children { Children(tree: tree, parent: index) }

  /// Every node of the subtree (this one first), in pre-order.
  public var descendantsAndSelf: LazyMapSequence<Range<UInt32>, SyntaxNode> {
    (index..<index + subtreeSize).lazy.map { SyntaxNode(tree: tree, index: $0) }
  }

  /// The first direct child of `kind`, if any.
  public func child(_ kind: NodeKind) -> SyntaxNode? {
    children.first { $0.kind == kind }
  }

  /// The direct child at position `position` (0-based), if there are that many.
  public func child(at position: Int) -> SyntaxNode? {
    // The first child, the one asked for most (a call's callee, an attribute's value), follows
    // its parent in pre-order.
    if position == 0 { return subtreeSize > 1 ? SyntaxNode(tree: tree, index: index + 1) : nil }
    var iterator = children.makeIterator()
    var remaining = position
    while let child = iterator.next() {
      if remaining == 0 { return child }
      remaining -= 1
    }
    return nil
  }

  /// The tokens that belong to this node directly, not to one of its children, in order.
  public var directTokens: [UInt32] {
    var result: [UInt32] = []
    var token = firstToken
    for child in children {
      while token < child.firstToken {
        result.append(token)
        token += 1
      }
      token = max(token, child.endToken)
    }
    while token < endToken {
      result.append(token)
      token += 1
    }
    return result
  }

  /// The first direct token of `kind`, if any.
  public func directToken(_ kind: TokenKind) -> UInt32? {
    directTokens.first { tree.tokens.kinds[Int($0)] == kind }
  }

  /// Whether the node has no tokens (a missing expression, for example).
  public var isEmpty: Bool { firstToken == endToken }

  /// Bytes from the first token's text to the last token's text (no outer trivia).
  public var textRange: Range<UInt32> {
    guard !isEmpty else {
      let offset = firstToken < UInt32(tree.tokens.count) ? tree.tokens.leadingStarts[Int(firstToken)] : UInt32(tree.source.count)
      return offset..<offset
    }
    return tree.tokens.textStarts[Int(firstToken)]..<tree.tokens.textEnds[Int(endToken - 1)]
  }

  /// Bytes including the first token's leading and the last token's trailing trivia.
  public var fullRange: Range<UInt32> {
    guard !isEmpty else { return textRange }
    return tree.tokens.leadingStarts[Int(firstToken)]..<tree.tokens.trailingTriviaRange(endToken - 1).upperBound
  }

  /// Bytes CPython's `ast` positions cover: from the first to the last token that is not layout
  /// (NEWLINE, INDENT, DEDENT, end of file). `nil` when the node has no such token.
  public var significantTextRange: Range<UInt32>? {
    let kinds = tree.tokens.kinds
    var first = firstToken
    while first < endToken && kinds[Int(first)].isLayout { first += 1 }
    guard first < endToken else { return nil }
    var last = endToken - 1
    while last > first && kinds[Int(last)].isLayout { last -= 1 }
    return tree.tokens.textStarts[Int(first)]..<tree.tokens.textEnds[Int(last)]
  }

  /// The source text of the node (without outer trivia).
  public var text: String { tree.source.text(textRange) }

  /// The text of token `token`.
  public func tokenText(_ token: UInt32) -> String { tree.source.text(tree.tokens.textRange(token)) }

  /// Iterates a node's direct children.
  public struct Children: Sequence, IteratorProtocol {
    let tree: SyntaxTree
    var nextIndex: UInt32
    let end: UInt32

    init(tree: SyntaxTree, parent: UInt32) {
      self.tree = tree
      self.nextIndex = parent + 1
      self.end = parent + tree.nodeSubtreeSizes[Int(parent)]
    }

    public mutating func next() -> SyntaxNode? {
      guard nextIndex < end else { return nil }
      let node = SyntaxNode(tree: tree, index: nextIndex)
      nextIndex += tree.nodeSubtreeSizes[Int(nextIndex)]
      return node
    }
  }
}

extension SyntaxTree {
  /// The text of a token, leniently decoded.
  public func tokenText(_ token: UInt32) -> String { source.text(tokens.textRange(token)) }

  /// Whether the token's bytes equal `text` (no allocation).
  public func token(_ token: UInt32, is text: StaticString) -> Bool {
    let range = tokens.textRange(token)
    guard Int(range.count) == text.utf8CodeUnitCount else { return false }
    return text.withUTF8Buffer { expected in
      var index = 0
      while index < expected.count {
        if source.bytes[Int(range.lowerBound) + index] != expected[index] { return false }
        index += 1
      }
      return true
    }
  }
}
