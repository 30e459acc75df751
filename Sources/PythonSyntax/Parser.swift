/// The recursive-descent parser's state and the helpers every grammar area uses.
///
/// The grammar lives in extensions split by area (`Parser+Statements.swift`,
/// `Parser+Expressions.swift`, …), each `mutating func parseX()` named after what it builds.
///
/// Nodes are recorded in post-order while parsing: a node is finished after its children, so an
/// operand already parsed can be wrapped later (`a` becomes the left side of `a + b`) by finishing
/// a node from a marker taken before the operand. `makeTree` turns the post-order columns into the
/// pre-order layout of `SyntaxTree` in one linear pass.
struct Parser {
  let source: SourceBuffer
  let tokens: TokenTable
  /// Index of the current token.
  var position: UInt32 = 0
  /// The nodes in post-order, one record each: one append per node (four column arrays cost four
  /// appends and four uniqueness checks); `makeTree` splits them into the tree's columns.
  var postNodes: [PostOrderNode] = []
  var diagnostics: [SyntaxDiagnostic] = []
  /// Current nesting of brackets, unary operators, lambdas and blocks being parsed.
  var nestingDepth = 0
  /// Set once the nesting limit was hit, so the error is reported once.
  var reportedNestingLimit = false

  /// Deeper nesting than this is reported and skipped instead of recursing further. CPython's own
  /// tokenizer stops at 200 nested brackets; the limit keeps the parser's stack bounded even on
  /// threads with small stacks.
  static let maximumNestingDepth = 200

  init(source: SourceBuffer, tokens: TokenTable) {
    self.source = source
    self.tokens = tokens
    // The stdlib averages about 0.67 nodes per token; reserve enough that the columns never grow.
    let expectedNodes = tokens.count * 3 / 4 + 16
    postNodes.reserveCapacity(expectedNodes)
  }

  // MARK: Tokens

  /// The kind of the current token (end of file past the end).
  @inline(__always) var current: TokenKind {
    Int(position) < tokens.count ? tokens.kinds[Int(position)] : .endOfFile
  }

  /// The kind of the token `offset` places ahead.
  @inline(__always) func peek(_ offset: Int = 1) -> TokenKind {
    let index = Int(position) + offset
    return index < tokens.count ? tokens.kinds[index] : .endOfFile
  }

  @inline(__always) func at(_ kind: TokenKind) -> Bool { current == kind }

  /// Whether the current token is a name spelled `text` (for soft keywords).
  func atSoftKeyword(_ text: StaticString) -> Bool {
    current == .name && tokenIs(position, text)
  }

  /// Whether token `index` is spelled `text`.
  func tokenIs(_ index: UInt32, _ text: StaticString) -> Bool {
    guard Int(index) < tokens.count else { return false }
    let range = tokens.textRange(index)
    guard range.count == text.utf8CodeUnitCount else { return false }
    return text.withUTF8Buffer { expected in
      var offset = 0
      while offset < expected.count {
        if source.bytes[Int(range.lowerBound) + offset] != expected[offset] { return false }
        offset += 1
      }
      return true
    }
  }

  /// Moves past the current token (never past the end-of-file token).
  @inline(__always) mutating func bump() {
    if Int(position) < tokens.count - 1 { position += 1 }
  }

  /// Consumes the current token if it is `kind`.
  @inline(__always) mutating func eat(_ kind: TokenKind) -> Bool {
    guard current == kind else { return false }
    bump()
    return true
  }

  /// Consumes `kind`, or records "expected …" at the current token and consumes nothing.
  @discardableResult
  mutating func expect(_ kind: TokenKind) -> Bool {
    if eat(kind) { return true }
    error("expected \(kind.displayName)")
    return false
  }

  /// Consumes the end-of-file token, which no other rule can consume (`bump` stops at it), so
  /// the module node can cover every token.
  mutating func consumeEndOfFile() {
    if Int(position) == tokens.count - 1 && current == .endOfFile { position += 1 }
  }

  // MARK: Nodes

  /// Where a node starts: the nodes and the token recorded so far.
  struct Marker {
    var nodeCount: Int
    var token: UInt32
  }

  @inline(__always) func mark() -> Marker {
    Marker(nodeCount: postNodes.count, token: position)
  }

  /// Records a node of `kind` spanning the tokens from `marker` to the current position and
  /// holding every node recorded since `marker` as its descendants.
  @inline(__always) mutating func finish(_ kind: NodeKind, _ marker: Marker) {
    postNodes.append(
      PostOrderNode(
        kind: kind, firstToken: marker.token, endToken: position, size: UInt32(postNodes.count + 1 - marker.nodeCount)))
  }

  /// Changes the kind of the node finished last (e.g. a parenthesized expression that turned out
  /// to be a generator).
  mutating func relabelLastNode(_ kind: NodeKind) {
    postNodes[postNodes.count - 1].kind = kind
  }

  /// The kind of the node finished last, if it started at or after `marker`.
  func lastNodeKind(since marker: Marker) -> NodeKind? {
    postNodes.count > marker.nodeCount ? postNodes[postNodes.count - 1].kind : nil
  }

  // MARK: Backtracking

  /// Everything needed to undo a speculative parse (soft keywords: `match`, `type`).
  struct Checkpoint {
    var position: UInt32
    var nodeCount: Int
    var diagnosticCount: Int
    var nestingDepth: Int
  }

  func checkpoint() -> Checkpoint {
    Checkpoint(position: position, nodeCount: postNodes.count, diagnosticCount: diagnostics.count, nestingDepth: nestingDepth)
  }

  mutating func restore(_ checkpoint: Checkpoint) {
    position = checkpoint.position
    postNodes.removeSubrange(checkpoint.nodeCount...)
    diagnostics.removeSubrange(checkpoint.diagnosticCount...)
    nestingDepth = checkpoint.nestingDepth
  }

  // MARK: Diagnostics

  /// Records an error at the current token's text.
  mutating func error(_ message: String) {
    error(message, at: position)
  }

  /// Records an error at token `token`'s text (zero-width tokens give a point).
  mutating func error(_ message: String, at token: UInt32) {
    let index = min(Int(token), tokens.count - 1)
    let range = index >= 0 ? tokens.textRange(UInt32(index)) : 0..<0
    // Two errors at one place add nothing: the first is the one CPython would report.
    if let last = diagnostics.last, last.offset == range.lowerBound { return }
    diagnostics.append(SyntaxDiagnostic(offset: range.lowerBound, endOffset: range.upperBound, message: message))
  }

  // MARK: Guards

  /// Enters one level of nesting; returns false (after reporting once) when the limit is reached,
  /// in which case the caller must not recurse and must still consume something or stop.
  mutating func enterNesting() -> Bool {
    if nestingDepth >= Parser.maximumNestingDepth {
      if !reportedNestingLimit {
        reportedNestingLimit = true
        error("too many nested parentheses, blocks or operators (more than \(Parser.maximumNestingDepth))")
      }
      return false
    }
    nestingDepth += 1
    return true
  }

  mutating func leaveNesting() {
    nestingDepth -= 1
  }

  /// Guards a loop against running without consuming tokens: call `advanced(&parser)` once per
  /// iteration; it returns false when the previous iteration consumed nothing.
  struct LoopProgress {
    private var lastPosition: UInt32? = nil

    init() {}

    mutating func advanced(_ parser: Parser) -> Bool {
      defer { lastPosition = parser.position }
      guard let last = lastPosition else { return true }
      return parser.position > last
    }
  }

  // MARK: Result

  /// Converts the post-order columns into the tree's pre-order columns.
  ///
  /// For a node at post-order index `j` with subtree size `s`, the nodes before it in pre-order
  /// are the nodes wholly before its subtree (`j - s + 1` of them) plus its ancestors, so
  /// `pre(j) = j - s + 1 + depth(j)`. One backward pass finds parents and depths.
  consuming func makeTree(lexerDiagnostics: [SyntaxDiagnostic]) -> SyntaxTree {
    let count = postNodes.count
    // Pre-order position and parent (post-order, or -1) of each post-order node. Every column
    // below is written once, in full, without zeroing it first, through unchecked pointers: this
    // pass runs over every node the parser makes and cost a twentieth of a `check`.
    var preIndex = [UInt32](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
    var postParent = [Int32](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
    // In reverse post-order every node comes after its parent, so one backward pass can hand
    // each node's children (found by stepping back over their subtrees) their parent and depth:
    // pre-order position = first post-order position of the subtree + depth.
    postNodes.withUnsafeBufferPointer { nodes in
      preIndex.withUnsafeMutableBufferPointer { preIndex in
        postParent.withUnsafeMutableBufferPointer { postParent in
          // `preIndex` holds each node's depth until its own turn comes. The tree has one root
          // (the module), but a forest would be laid out too: each root ends where the next
          // one's subtree starts.
          var nextRoot = count - 1
          var parent = count - 1
          while parent >= 0 {
            if parent == nextRoot {
              preIndex[parent] = 0
              postParent[parent] = -1
              nextRoot = parent - Int(nodes[parent].size)
            }
            let depth = preIndex[parent]
            let start = parent - Int(nodes[parent].size) + 1
            // The columns below are written through unchecked pointers: a subtree that does not
            // nest (a parser bug) must stop here, not write out of bounds.
            precondition(start >= 0 && start + Int(depth) < count, "post-order subtrees do not nest")
            preIndex[parent] = UInt32(start) + depth
            var child = parent - 1
            while child >= start {
              preIndex[child] = depth + 1
              postParent[child] = Int32(parent)
              child -= Int(nodes[child].size)
            }
            parent -= 1
          }
        }
      }
    }
    /// The column whose pre-order entry for each post-order node `post` is `value(post)`.
    func preOrder<Column>(_ value: (Int) -> Column) -> [Column] {
      [Column](unsafeUninitializedCapacity: count) { output, initialized in
        preIndex.withUnsafeBufferPointer { preIndex in
          for post in 0..<count { (output.baseAddress! + Int(preIndex[post])).initialize(to: value(post)) }
        }
        initialized = count
      }
    }
    let (kinds, firsts, ends, sizes) = postNodes.withUnsafeBufferPointer { nodes in
      (
        preOrder { nodes[$0].kind }, preOrder { nodes[$0].firstToken }, preOrder { nodes[$0].endToken },
        preOrder { nodes[$0].size }
      )
    }
    let parents: [UInt32] = preIndex.withUnsafeBufferPointer { preIndex in
      postParent.withUnsafeBufferPointer { postParent in
        preOrder { post in postParent[post] >= 0 ? preIndex[Int(postParent[post])] : UInt32.max }
      }
    }
    return SyntaxTree(
      source: source, tokens: tokens, kinds: kinds, firstTokens: firsts, endTokens: ends,
      parents: parents, subtreeSizes: sizes, diagnostics: Self.oneDiagnosticPerLine(lexerDiagnostics + diagnostics, in: source))
  }
}

/// A node as the parser records it, before `makeTree` lays the nodes out in pre-order.
struct PostOrderNode {
  var kind: NodeKind
  var firstToken: UInt32
  var endToken: UInt32
  /// The node and its descendants, which are the `size - 1` nodes recorded just before it.
  var size: UInt32
}
