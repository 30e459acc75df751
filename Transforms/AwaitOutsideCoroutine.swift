import Engine
import PythonSyntax
import Semantics

/// AF107 await-outside-coroutine: `await`, `async for`, `async with` or an asynchronous
/// comprehension in code that is not an `async def`'s: at module level, in a class body, in a
/// plain `def` or a lambda.
///
/// The parser accepts these (so does CPython's `ast.parse`); CPython's compiler rejects them,
/// and so does MicroPython's, except for one case that is worse than an error: in MicroPython
/// an `await` in a plain `def` or lambda compiles, like `yield from`, and makes the function a
/// generator, so calling it returns a generator object and runs none of its body. The message
/// says which, by the file's dialect.
///
/// Where code runs comes from the semantic model's scopes: a def's decorators, defaults and
/// annotations run in the enclosing scope; a list, set or dict comprehension runs in the code
/// around it (an `await` in one is asynchronous only inside an `async def`); a generator
/// expression may hold `await` and `async for` anywhere — it is then an asynchronous generator
/// expression, valid in any function — so nothing inside one is reported. Top-level `await` as
/// the asyncio REPL and notebooks allow it is still reported: a module file cannot use it.
public struct AwaitOutsideCoroutine: Rule {
  public init() {}

  /// What is used outside a coroutine.
  enum Construct {
    case await, asyncFor, asyncWith, asyncComprehension

    var text: String {
      switch self {
      case .await: "`await`"
      case .asyncFor: "`async for`"
      case .asyncWith: "`async with`"
      case .asyncComprehension: "an `async for` comprehension"
      }
    }
  }

  /// The code it is in.
  enum Place {
    case module
    case classBody(name: String?)
    case plainFunction(name: String?)
    case lambda
  }

  public mutating func visit(_ node: SyntaxNode, in context: RuleContext) {
    let construct: Construct
    let tokens = context.tree.tokens
    var range = node.textRange
    switch node.kind {
    case .awaitExpression:
      construct = .await
    case .asyncForStatement, .asyncWithStatement:
      construct = node.kind == .asyncForStatement ? .asyncFor : .asyncWith
      range = tokens.textStarts[Int(node.firstToken)]..<tokens.textEnds[Int(node.firstToken) + 1]
    case .comprehensionClause:
      guard let clause = ComprehensionClauseSyntax(node), clause.isAsync else { return }
      construct = .asyncComprehension
      range = tokens.textStarts[Int(node.firstToken)]..<tokens.textEnds[Int(node.firstToken) + 1]
    default:
      return
    }
    guard let (place, inComprehension) = Self.place(of: node, construct: construct, model: context.model) else {
      return
    }
    context.report(
      Self.description,
      message: Self.message(construct, place, inComprehension: inComprehension, dialect: context.dialect),
      range: range)
  }

  /// Where `node` runs when that is not a coroutine, and whether it is inside a comprehension
  /// there; `nil` in an `async def`, in a generator expression, or in an annotation scope.
  static func place(of node: SyntaxNode, construct: Construct, model: SemanticModel) -> (Place, Bool)? {
    var scope: Scope
    if construct == .asyncComprehension {
      // The clause makes its comprehension asynchronous; where that runs decides.
      guard let comprehension = node.parent, comprehension.kind != .generatorExpression else { return nil }
      scope = model.scope(of: comprehension)
    } else {
      scope = model.scope(of: node)
    }
    var inComprehension = false
    while scope.kind == .comprehension {
      if scope.node.kind == .generatorExpression { return nil }
      inComprehension = true
      guard let parent = scope.parent else { return nil }
      scope = model.scope(parent)
    }
    switch scope.kind {
    case .module:
      return (.module, inComprehension)
    case .class:
      return (.classBody(name: ClassDefSyntax(scope.node)?.name), inComprehension)
    case .function:
      guard let function = FunctionDefSyntax(scope.node), !function.isAsync else { return nil }
      return (.plainFunction(name: function.name), inComprehension)
    case .lambda:
      return (.lambda, inComprehension)
    case .comprehension, .annotation:
      return nil
    }
  }

  static func message(_ construct: Construct, _ place: Place, inComprehension: Bool, dialect: Dialect) -> String {
    let whereText: String
    let advice: String
    switch place {
    case .module:
      whereText = "at module level"
      advice = "move it into an `async def`"
    case .classBody(let name):
      whereText = name.map { "in the body of class `\($0)`" } ?? "in a class body"
      advice = "move it into an `async def` method"
    case .plainFunction(let name):
      whereText = name.map { "in plain `def \($0)`" } ?? "in a plain `def`"
      advice = name.map { "make it `async def \($0)`" } ?? "make it an `async def`"
    case .lambda:
      whereText = "in a lambda"
      advice = "a lambda cannot be a coroutine, so use an `async def`"
    }
    if dialect == .micropython, construct == .await, !inComprehension {
      switch place {
      case .plainFunction(let name):
        let function = name.map { "plain `def \($0)`" } ?? "a plain `def`"
        let call = name.map { "calling `\($0)()`" } ?? "calling it"
        return "`await` makes \(function) a generator: \(call) runs none of its body; \(advice)"
      case .lambda:
        return "`await` makes this lambda a generator: calling it runs none of its body; \(advice)"
      case .module, .classBody:
        break
      }
    }
    let location = inComprehension ? "in a comprehension \(whereText)" : whereText
    return "\(construct.text) \(location) is a syntax error; \(advice)"
  }
}
