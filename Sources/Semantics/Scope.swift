import PythonSyntax

/// A scope's number within its `SemanticModel`: scopes are numbered in the order their nodes
/// start, so the module is 0 and a scope's number is smaller than those nested in it (except
/// that a generic def's or class's type-parameter scope comes right after its own scope).
public struct ScopeID: Hashable, Comparable, Sendable {
  public let rawValue: UInt32

  public init(_ rawValue: UInt32) { self.rawValue = rawValue }

  public static let module = ScopeID(0)

  public static func < (lhs: ScopeID, rhs: ScopeID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What kind of code a scope holds; decides how names resolve through it.
public enum ScopeKind: UInt8, Sendable {
  /// The file.
  case module
  /// A class body: its names are not visible from functions nested in it.
  case `class`
  /// A `def` or `async def` body with its parameters.
  case function
  /// A lambda's parameters and body.
  case lambda
  /// A list, set or dict comprehension or a generator expression: its targets are local to it, its
  /// first iterable is evaluated in the enclosing scope.
  case comprehension
  /// PEP 695's annotation scope: the type parameters of a generic def or class, and a `type`
  /// alias's parameters and value.
  case annotation

  /// Whether code in this scope runs as its own function (everything but module and class).
  public var isFunctionLike: Bool {
    switch self {
    case .module, .class: false
    case .function, .lambda, .comprehension, .annotation: true
    }
  }
}

/// One scope of a file.
public struct Scope: Hashable, Sendable {
  public let id: ScopeID
  public let kind: ScopeKind
  /// The node that opens the scope: the module, a def, class, lambda, comprehension, the
  /// `.typeParameters` of a generic def or class, or a `type` alias statement.
  public let node: SyntaxNode
  /// The enclosing scope (`nil` for the module).
  public let parent: ScopeID?
}
