import PythonSyntax

/// A binding's number within its `SemanticModel` (bindings are numbered in source order of
/// their nodes).
public struct BindingID: Hashable, Comparable, Sendable {
  public let rawValue: UInt32

  public init(_ rawValue: UInt32) { self.rawValue = rawValue }

  public static func < (lhs: BindingID, rhs: BindingID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// How a name gets bound. Each form makes the name local to its scope (Python decides locality
/// for the whole scope at compile time), so all of them count when resolving.
public enum BindingKind: UInt8, Sendable, CaseIterable {
  /// `x = …`, `a, *b = …`, `x: T = …`.
  case assignment
  /// `x += …`.
  case augmentedAssignment
  /// `x: T` without a value: makes `x` local but gives it no value.
  case annotation
  /// `for x in …` (statement, `async for` too).
  case forTarget
  /// `with … as x`.
  case withTarget
  /// `except E as x`.
  case exceptHandler
  /// `import m`, `import m as x`, `from m import x [as y]` (see `ImportRecord`).
  case `import`
  /// `def` and `async def`.
  case function
  case `class`
  case parameter
  /// `(x := …)`: binds in the nearest enclosing scope that is not a comprehension.
  case walrus
  /// `for x in …` inside a comprehension.
  case comprehensionTarget
  /// A capture in a `case` pattern: `x`, `… as x`, `*x`, `**x`.
  case matchCapture
  /// `del x`: unbinds, but like any binding makes `x` local.
  case deletion
  /// `T` in `def f[T]`, `class C[T]`, `type A[T] = …`.
  case typeParameter
  /// `type A = …`.
  case typeAlias

  /// Whether the binding leaves the name with a value (not `x: T`, not `del x`).
  public var givesValue: Bool { self != .annotation && self != .deletion }

  /// Whether the binding happens whenever the statement holding it runs: a later such binding
  /// hides earlier ones from the code after it. An `except … as` or pattern capture binds only
  /// when its clause is taken, so it never hides another.
  var isUnconditional: Bool {
    switch self {
    case .exceptHandler, .matchCapture, .annotation: false
    default: true
    }
  }
}

/// One binding of a name: where it happens, how, and in which scope.
public struct Binding: Hashable, Sendable {
  public let id: BindingID
  public let kind: BindingKind
  /// The scope the name is bound in (for a name declared `global` or `nonlocal`, the scope it
  /// was declared to live in, not the one the binding is written in).
  public let scope: ScopeID
  /// The node that binds: the `.name` target of an assignment, `for`, `with`, walrus, comprehension
  /// or `del`; the def or class; the `.parameter`; the `.importAlias`; the `.exceptClause`; the
  /// `.matchAs`/`.matchStar`/`.mappingPatternEntry`; the type parameter.
  public let node: SyntaxNode
  /// The token spelling the bound name.
  public let nameToken: UInt32

  public var name: String { node.tree.tokenText(nameToken) }

  /// The value assigned when the binding is a plain `name = value` or `name: T = value` (also
  /// `a = name = value`); `nil` for tuple targets and other forms.
  public var assignedValue: SyntaxNode? {
    guard kind == .assignment, node.kind == .name, let parent = node.parent else { return nil }
    switch parent.kind {
    case .assignment: return AssignmentSyntax(parent)?.value
    case .annotatedAssignment:
      let assignment = AnnotatedAssignmentSyntax(parent)
      return assignment?.target == node ? assignment?.value : nil
    default: return nil
    }
  }
}
