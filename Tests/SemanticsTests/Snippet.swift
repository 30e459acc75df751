import PythonSyntax
import Semantics
import XCTest

/// A parsed piece of Python and its semantic model, with finders for the nodes a test talks
/// about. Parsing checks the round trip and, unless told otherwise, that the code is valid.
struct Snippet {
  let source: String
  let tree: SyntaxTree
  let model: SemanticModel

  init(_ source: String, allowingErrors: Bool = false, file: StaticString = #filePath, line: UInt = #line) {
    self.source = source
    tree = SyntaxTree.parse(source)
    XCTAssertEqual(
      tree.printed(), Array(source.utf8), "printing the tree must give back the source", file: file, line: line)
    if !allowingErrors {
      XCTAssertEqual(tree.diagnostics.map(\.message), [], "the snippet must parse", file: file, line: line)
    }
    model = SemanticModel(tree)
  }

  /// Every node of `kind`, in source order.
  func nodes(_ kind: NodeKind) -> [SyntaxNode] {
    (0..<UInt32(tree.nodeCount)).filter { tree.nodeKinds[Int($0)] == kind }.map { tree.node($0) }
  }

  /// The `occurrence`-th `.name` node spelled `identifier` (0-based, in source order).
  func name(_ identifier: String, _ occurrence: Int = 0, file: StaticString = #filePath, line: UInt = #line)
    -> SyntaxNode
  {
    let found = nodes(.name).filter { $0.text == identifier }
    guard occurrence < found.count else {
      XCTFail("no occurrence \(occurrence) of name \(identifier)", file: file, line: line)
      return tree.root
    }
    return found[occurrence]
  }

  /// The `occurrence`-th node of `kind` whose text starts with `prefix`.
  func node(
    _ kind: NodeKind, _ prefix: String = "", _ occurrence: Int = 0, file: StaticString = #filePath, line: UInt = #line
  )
    -> SyntaxNode
  {
    let found = nodes(kind).filter { $0.text.hasPrefix(prefix) }
    guard occurrence < found.count else {
      XCTFail("no occurrence \(occurrence) of \(kind) starting with \(prefix)", file: file, line: line)
      return tree.root
    }
    return found[occurrence]
  }

  /// The def or async def named `name`.
  func function(_ name: String, file: StaticString = #filePath, line: UInt = #line) -> FunctionDefSyntax {
    let found =
      nodes(.functionDef).compactMap(FunctionDefSyntax.init)
      + nodes(.asyncFunctionDef)
      .compactMap(FunctionDefSyntax.init)
    guard let function = found.first(where: { $0.name == name }) else {
      XCTFail("no function \(name)", file: file, line: line)
      return FunctionDefSyntax(nodes(.functionDef)[0])!
    }
    return function
  }

  /// 1-based line of token `token`.
  func line(of token: UInt32) -> Int { tree.source.line(of: tree.tokens.textStarts[Int(token)]) }

  /// A resolution as text: `builtin`, `unresolved`, or each candidate as `kind@line` in order
  /// (`import@1, import@3`), `local-unbound` for a local without a value.
  func describe(_ resolution: NameResolution) -> String {
    switch resolution {
    case .builtin: return "builtin"
    case .unresolved: return "unresolved"
    case .bound(let bindings):
      if bindings.isEmpty { return "local-unbound" }
      return bindings.map { "\($0.kind)@\(line(of: $0.nameToken))" }.joined(separator: ", ")
    }
  }

  /// What the `occurrence`-th `.name` spelled `identifier` resolves to, as `describe` writes it.
  func resolution(_ identifier: String, _ occurrence: Int = 0, file: StaticString = #filePath, line: UInt = #line)
    -> String
  {
    describe(model.resolve(name(identifier, occurrence, file: file, line: line)))
  }

  /// The qualified names of the `occurrence`-th node of `kind` starting with `prefix`, as text.
  func qualifiedNames(_ kind: NodeKind, _ prefix: String, _ occurrence: Int = 0) -> [String] {
    model.qualifiedNames(of: node(kind, prefix, occurrence)).map(\.description)
  }

  /// The kind of the scope of the `occurrence`-th `.name` spelled `identifier`.
  func scopeKind(ofName identifier: String, _ occurrence: Int = 0) -> ScopeKind {
    model.scope(of: name(identifier, occurrence)).kind
  }
}
