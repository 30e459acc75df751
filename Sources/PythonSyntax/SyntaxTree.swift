/// A parsed file: its source, its tokens and its nodes, all as flat columns.
///
/// Nodes are stored in pre-order with subtree sizes (node `i`'s descendants are
/// `i+1 ..< i+subtreeSize[i]`), each covering a contiguous range of tokens. Nodes never own
/// bytes: tokens do, and the tokens tile the file, so printing the tree (`printed()`) gives back
/// the source byte for byte, for valid and invalid input alike. Edits are made as byte ranges on
/// the source (see Engine), never by mutating the tree.
public final class SyntaxTree: @unchecked Sendable {
  public let source: SourceBuffer
  public let tokens: TokenTable
  public let nodeKinds: [NodeKind]
  /// First token of each node.
  public let nodeFirstTokens: [UInt32]
  /// One past the last token of each node (equal to the first for an empty node).
  public let nodeEndTokens: [UInt32]
  /// Parent of each node in pre-order numbering; the root's is `UInt32.max`.
  public let nodeParents: [UInt32]
  /// Number of nodes in each node's subtree, itself included.
  public let nodeSubtreeSizes: [UInt32]
  /// Lexer and parser errors, in source order.
  public let diagnostics: [SyntaxDiagnostic]

  init(
    source: SourceBuffer, tokens: TokenTable, kinds: [NodeKind], firstTokens: [UInt32], endTokens: [UInt32],
    parents: [UInt32], subtreeSizes: [UInt32], diagnostics: [SyntaxDiagnostic]
  ) {
    self.source = source
    self.tokens = tokens
    self.nodeKinds = kinds
    self.nodeFirstTokens = firstTokens
    self.nodeEndTokens = endTokens
    self.nodeParents = parents
    self.nodeSubtreeSizes = subtreeSizes
    self.diagnostics = diagnostics
  }

  /// Lexes and parses `source`. Never fails: errors become diagnostics and error nodes.
  public static func parse(_ source: SourceBuffer) -> SyntaxTree {
    let (tokens, lexerDiagnostics) = Lexer.tokenize(source)
    var parser = Parser(source: source, tokens: tokens)
    parser.parseModule()
    return parser.makeTree(lexerDiagnostics: lexerDiagnostics)
  }

  public static func parse(_ text: String) -> SyntaxTree {
    parse(SourceBuffer(text))
  }

  public var nodeCount: Int { nodeKinds.count }

  /// The module node.
  public var root: SyntaxNode { SyntaxNode(tree: self, index: 0) }

  public func node(_ index: UInt32) -> SyntaxNode { SyntaxNode(tree: self, index: index) }

  /// Whether the file parsed without any error.
  public var isValid: Bool { diagnostics.isEmpty }

  /// The source again, produced by walking the tree: every node's tokens in order, each with its
  /// trivia. Equal to the input for every input.
  public func printed() -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(source.count)
    guard nodeCount > 0 else { return source.bytes }
    // Walk the tokens of the root in order; nodes only group them, so printing a subtree is
    // printing its token range. Bytes before the first token cannot exist (the first token's
    // leading trivia starts at 0), which `validateStructure` checks.
    let end = nodeEndTokens[0]
    var token = nodeFirstTokens[0]
    while token < end {
      let range = tokens.fullRange(token)
      output.append(contentsOf: source.bytes[Int(range.lowerBound)..<Int(range.upperBound)])
      token += 1
    }
    return output
  }

  /// Checks the invariants the rest of the tool relies on and returns what is broken (empty when
  /// all hold): tokens tile the source; the root covers every token; children lie inside their
  /// parent, in order, without overlap; parents and subtree sizes agree.
  public func validateStructure() -> [String] {
    var problems: [String] = []
    var expectedStart: UInt32 = 0
    for index in 0..<tokens.count {
      let i = UInt32(index)
      if tokens.leadingStarts[index] != expectedStart {
        problems.append("token \(index) starts at \(tokens.leadingStarts[index]), expected \(expectedStart)")
        break
      }
      if !(tokens.leadingStarts[index] <= tokens.textStarts[index] && tokens.textStarts[index] <= tokens.textEnds[index]) {
        problems.append("token \(index) has inverted ranges")
        break
      }
      expectedStart = tokens.trailingTriviaRange(i).upperBound
    }
    if expectedStart != UInt32(source.count) { problems.append("tokens end at \(expectedStart), source has \(source.count)") }
    if tokens.count == 0 || tokens.kinds[tokens.count - 1] != .endOfFile { problems.append("no end-of-file token") }
    guard nodeCount > 0 else { return problems + ["no nodes"] }
    if nodeKinds[0] != .module { problems.append("root is \(nodeKinds[0])") }
    if nodeFirstTokens[0] != 0 || nodeEndTokens[0] != UInt32(tokens.count) { problems.append("root does not cover all tokens") }
    if Int(nodeSubtreeSizes[0]) != nodeCount { problems.append("root subtree size \(nodeSubtreeSizes[0]) != \(nodeCount)") }
    for index in 0..<nodeCount {
      let node = UInt32(index)
      if nodeFirstTokens[index] > nodeEndTokens[index] { problems.append("node \(index) has inverted tokens") }
      var previousEnd = nodeFirstTokens[index]
      var child = node + 1
      let subtreeEnd = node + nodeSubtreeSizes[index]
      while child < subtreeEnd {
        if nodeParents[Int(child)] != node { problems.append("node \(child) parent \(nodeParents[Int(child)]) != \(node)") }
        if nodeFirstTokens[Int(child)] < previousEnd || nodeEndTokens[Int(child)] > nodeEndTokens[index] {
          problems.append("node \(child) (\(nodeKinds[Int(child)])) lies outside or overlaps within node \(index) (\(nodeKinds[index]))")
        }
        previousEnd = nodeEndTokens[Int(child)]
        child += nodeSubtreeSizes[Int(child)]
        if child > subtreeEnd { problems.append("node \(index) children overrun its subtree") }
      }
      if problems.count > 20 { break }
    }
    return problems
  }
}
