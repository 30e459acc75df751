import Foundation
import PythonSyntax

/// Renders a syntax tree for `asyncfix parse --tree`.
///
/// Both forms give every node CPython's `ast` class name where it has one (`NodeKind.displayName`)
/// and CPython's positions (`SyntaxNode.astTextRange` through `ASTPositionConverter`): 1-based lines,
/// 0-based UTF-8 byte columns, exclusive ends. A node without significant text (a missing
/// expression) gets a zero-width position where it would be.
///
/// Trees can be deep: `1 + 1 + … + 1` on one 10 MB line is a left-leaning chain of millions of
/// `BinOp`s, which the parser builds without recursion. Neither renderer recurses over the tree.
public enum SyntaxTreeRenderer {
  /// The JSON tree of DESIGN §5: nested `{"kind", "lineno", "col_offset", "end_lineno",
  /// "end_col_offset", "children"}` objects with CPython `ast` class names and positions, keys
  /// sorted, no whitespace.
  public static func json(_ tree: SyntaxTree) -> String {
    JSONTreeWriter(tree).write()
  }

  /// An indented text outline: one line per node, `Kind line:col-line:col`, two spaces per level.
  /// Beyond `maximumTextIndentation` levels the indentation stops growing and the line starts with
  /// the depth in brackets, so a chain a million levels deep still prints in linear size.
  public static func text(_ tree: SyntaxTree) -> String {
    let positions = NodePositions(tree)
    var depths = [Int](repeating: 0, count: tree.nodeCount)
    var output = ""
    output.reserveCapacity(tree.nodeCount * 32)
    for index in 0..<tree.nodeCount {
      let parent = tree.nodeParents[index]
      let depth = parent == UInt32.max ? 0 : depths[Int(parent)] + 1
      depths[index] = depth
      output.append(String(repeating: "  ", count: min(depth, maximumTextIndentation)))
      if depth > maximumTextIndentation { output.append("[\(depth)] ") }
      let kind = tree.nodeKinds[index]
      output.append(kind.displayName)
      output.append(" ")
      output.append(positions.position(of: UInt32(index)).description)
      output.append("\n")
    }
    return output
  }

  /// Levels of indentation the text outline shows before it switches to printing the depth.
  static let maximumTextIndentation = 100
}

/// The positions the renderers show, with one converter for the whole tree.
struct NodePositions {
  let tree: SyntaxTree
  let converter: ASTPositionConverter

  init(_ tree: SyntaxTree) {
    self.tree = tree
    converter = ASTPositionConverter(tree)
  }

  func position(of index: UInt32) -> ASTPosition {
    let node = tree.node(index)
    let range = node.astTextRange ?? node.textRange.lowerBound..<node.textRange.lowerBound
    return converter.position(of: range)
  }
}

/// One node of the JSON tree, as JSONEncoder writes it.
struct JSONTreeNode: Encodable {
  var kind: String
  var lineno: Int
  var colOffset: Int
  var endLineno: Int
  var endColOffset: Int
  var children: [JSONTreeNode]

  enum CodingKeys: String, CodingKey {
    case kind, lineno, children
    case colOffset = "col_offset"
    case endLineno = "end_lineno"
    case endColOffset = "end_col_offset"
  }
}

/// Writes the JSON tree with JSONEncoder, in slices of bounded depth.
///
/// JSONEncoder refuses values nested more than 512 levels deep (each tree level is an object and
/// an array) and recurses per level, so a deep tree is cut every `sliceDepth` levels: each slice is
/// encoded on its own, with a placeholder node standing for each subtree cut off below it, and the
/// slices are joined by an iterative walk that replaces every placeholder with its slice. The
/// placeholder's kind holds a control character, which JSONEncoder escapes as `\u0001`; real kinds
/// are identifiers, so a backslash in the output can only belong to a placeholder.
struct JSONTreeWriter {
  /// Tree levels per slice: well inside JSONEncoder's 512 nesting levels and small stack frames.
  static let sliceDepth = 128

  let tree: SyntaxTree
  let encoder: JSONEncoder
  let placeholder: [UInt8]
  let placeholderMarker: Int

  init(_ tree: SyntaxTree) {
    self.tree = tree
    encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let placeholderNode = JSONTreeNode(
      kind: "\u{1}", lineno: 0, colOffset: 0, endLineno: 0, endColOffset: 0, children: [])
    placeholder = Self.encode(placeholderNode, with: encoder)
    placeholderMarker = placeholder.firstIndex(of: UInt8(ascii: "\\"))!
  }

  func write() -> String {
    let count = tree.nodeCount
    guard count > 0 else { return "null" }
    let positions = NodePositions(tree)
    let parents = tree.nodeParents
    let kindNames = NodeKind.allCases.map(\.displayName)

    // Depth of every node, and for each slice root the slice roots just below it, in pre-order.
    var depths = [Int](repeating: 0, count: count)
    var sliceOwners = [Int](repeating: 0, count: count)
    var cutChildren: [Int: [Int]] = [:]
    for index in 1..<count {
      let parent = Int(parents[index])
      depths[index] = depths[parent] + 1
      let owner = isSliceRoot(parent, depths) ? parent : sliceOwners[parent]
      sliceOwners[index] = owner
      if isSliceRoot(index, depths) { cutChildren[owner, default: []].append(index) }
    }

    // Build the nodes bottom-up (reverse pre-order: children before parents, last child first),
    // encoding each slice as soon as its root is complete.
    var slices: [Int: [UInt8]] = [:]
    var stack: [JSONTreeNode] = []
    var index = count - 1
    while index >= 0 {
      var childCount = 0
      for _ in tree.node(UInt32(index)).children { childCount += 1 }
      let children = Array(stack[(stack.count - childCount)...].reversed())
      stack.removeLast(childCount)
      let position = positions.position(of: UInt32(index))
      let node = JSONTreeNode(
        kind: kindNames[Int(tree.nodeKinds[index].rawValue)], lineno: position.line, colOffset: position.column,
        endLineno: position.endLine, endColOffset: position.endColumn, children: children)
      if isSliceRoot(index, depths) {
        slices[index] = Self.encode(node, with: encoder)
        stack.append(
          JSONTreeNode(kind: "\u{1}", lineno: 0, colOffset: 0, endLineno: 0, endColOffset: 0, children: []))
      } else {
        stack.append(node)
      }
      index -= 1
    }
    return String(decoding: join(slices, cutChildren), as: UTF8.self)
  }

  private func isSliceRoot(_ index: Int, _ depths: [Int]) -> Bool {
    depths[index] % Self.sliceDepth == 0
  }

  /// Concatenates the slices, replacing each placeholder with the slice it stands for.
  private func join(_ slices: [Int: [UInt8]], _ cutChildren: [Int: [Int]]) -> [UInt8] {
    guard slices.count > 1 else { return slices[0] ?? [] }
    var output: [UInt8] = []
    output.reserveCapacity(slices.values.reduce(0) { $0 + $1.count })
    /// A slice being copied: its root, how far it is copied, and how many placeholders it passed.
    struct Frame {
      var root: Int
      var offset: Int
      var cutsDone: Int
    }
    var frames = [Frame(root: 0, offset: 0, cutsDone: 0)]
    while var frame = frames.popLast() {
      let bytes = slices[frame.root]!
      let cuts = cutChildren[frame.root] ?? []
      guard frame.cutsDone < cuts.count,
        let start = nextPlaceholder(in: bytes, from: frame.offset)
      else {
        output.append(contentsOf: bytes[frame.offset...])
        continue
      }
      output.append(contentsOf: bytes[frame.offset..<start])
      let child = cuts[frame.cutsDone]
      frame.offset = start + placeholder.count
      frame.cutsDone += 1
      frames.append(frame)
      frames.append(Frame(root: child, offset: 0, cutsDone: 0))
    }
    return output
  }

  /// Where the next placeholder starts at or after `offset`.
  private func nextPlaceholder(in bytes: [UInt8], from offset: Int) -> Int? {
    var index = offset + placeholderMarker
    while index < bytes.count {
      if bytes[index] == UInt8(ascii: "\\") {
        let start = index - placeholderMarker
        if bytes[start..<min(bytes.count, start + placeholder.count)].elementsEqual(placeholder) { return start }
      }
      index += 1
    }
    return nil
  }

  private static func encode(_ node: JSONTreeNode, with encoder: JSONEncoder) -> [UInt8] {
    do {
      return Array(try encoder.encode(node))
    } catch {
      // Encoding plain strings and integers at bounded depth cannot fail.
      preconditionFailure("JSONEncoder failed on a syntax tree slice: \(error)")
    }
  }
}
