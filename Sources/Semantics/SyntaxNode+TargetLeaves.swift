import PythonSyntax

extension SyntaxNode {
  /// What an assignment, `for`, `with` or `del` target stores into, one by one: the names,
  /// attributes, subscripts (and anything else) inside its tuple, list, starred and bracket
  /// groupings (`a, (b.c, *d[0])` gives `a`, `b.c`, `d[0]`), in source order. Shared by the
  /// analyses that follow writes (AF103's loop state, AF106's flow walk).
  public var targetLeaves: [SyntaxNode] {
    var leaves: [SyntaxNode] = []
    func collect(_ target: SyntaxNode) {
      let node = target.unparenthesized
      switch node.kind {
      case .tuple, .list:
        for element in node.children { collect(element) }
      case .starred:
        if let value = StarredSyntax(node)?.value { collect(value) }
      default:
        leaves.append(node)
      }
    }
    collect(self)
    return leaves
  }
}
