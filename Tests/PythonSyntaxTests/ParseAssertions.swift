import XCTest
@testable import PythonSyntax

/// Markers that tests place inline in Python source to name positions, as swift-syntax's
/// `assertParse` does. They are removed before parsing.
let positionMarkers = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣", "🔟"]

/// Removes the markers from `marked` and returns the clean source and each marker's byte offset.
func extractMarkers(_ marked: String) -> (source: String, offsets: [String: UInt32]) {
  var source = ""
  var offsets: [String: UInt32] = [:]
  var rest = Substring(marked)
  while !rest.isEmpty {
    if let marker = positionMarkers.first(where: { rest.hasPrefix($0) }) {
      offsets[marker] = UInt32(source.utf8.count)
      rest = rest.dropFirst(marker.count)
    } else {
      source.append(rest.first!)
      rest = rest.dropFirst()
    }
  }
  return (source, offsets)
}

/// Parses `marked` (with markers removed) and checks, in one assertion:
/// - printing the tree gives back the source byte for byte, and the tree's invariants hold;
/// - for each entry of `nodes`, a node of that kind starts (its first significant byte) at the marker;
/// - the diagnostics are exactly those of `diagnostics` (marker → part of the message); none when empty.
/// Returns the tree for further checks.
@discardableResult
func assertParse(
  _ marked: String,
  nodes: [String: NodeKind] = [:],
  diagnostics expectedDiagnostics: [String: String] = [:],
  file: StaticString = #filePath, line: UInt = #line
) -> SyntaxTree {
  let (source, offsets) = extractMarkers(marked)
  let tree = SyntaxTree.parse(source)
  XCTAssertEqual(String(decoding: tree.printed(), as: UTF8.self), source, "round trip", file: file, line: line)
  XCTAssertEqual(tree.validateStructure(), [], "tree invariants", file: file, line: line)
  for (marker, kind) in nodes.sorted(by: { $0.key < $1.key }) {
    guard let offset = offsets[marker] else {
      XCTFail("marker \(marker) not in source", file: file, line: line)
      continue
    }
    let found = tree.root.descendantsAndSelf.contains { node in
      node.kind == kind && node.significantTextRange?.lowerBound == offset
    }
    let present = tree.root.descendantsAndSelf
      .filter { $0.significantTextRange?.lowerBound == offset }.map { "\($0.kind)" }
    XCTAssertTrue(found, "no \(kind) at \(marker); nodes starting there: \(present)\n\(sExpression(tree))", file: file, line: line)
  }
  if expectedDiagnostics.isEmpty {
    XCTAssertEqual(tree.diagnostics.map(\.message), [], "unexpected diagnostics for: \(source)", file: file, line: line)
  } else {
    XCTAssertEqual(tree.diagnostics.count, expectedDiagnostics.count,
      "diagnostics: \(tree.diagnostics)", file: file, line: line)
    for (marker, message) in expectedDiagnostics {
      guard let offset = offsets[marker] else {
        XCTFail("marker \(marker) not in source", file: file, line: line)
        continue
      }
      XCTAssertTrue(
        tree.diagnostics.contains { $0.offset == offset && $0.message.contains(message) },
        "no diagnostic containing \"\(message)\" at \(marker); got \(tree.diagnostics)", file: file, line: line)
    }
  }
  return tree
}

/// The tree's shape as an S-expression of display names, e.g.
/// `Module(Assign(Name Call(Name ArgumentList(Name))))`; nodes without children print bare.
func sExpression(_ tree: SyntaxTree) -> String {
  sExpression(tree.root)
}

func sExpression(_ node: SyntaxNode) -> String {
  let children = Array(node.children)
  if children.isEmpty { return node.kind.displayName }
  return node.kind.displayName + "(" + children.map { sExpression($0) }.joined(separator: " ") + ")"
}

/// Asserts the S-expression of `source`'s tree (and round trip and invariants, no diagnostics).
func assertShape(_ source: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
  let tree = assertParse(source, file: file, line: line)
  XCTAssertEqual(sExpression(tree), expected, file: file, line: line)
}
