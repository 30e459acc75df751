import PythonSyntax
import Semantics

/// Handlers that catch the cancellation without losing it, in ways the handler's own control
/// flow (`ExitAnalysis`) does not show. Each shape was a false positive on CPython's standard
/// library (`asyncio` tests, `contextlib`) or on popular asyncio libraries (aiohttp, anyio).
extension SwallowedCancellation {
  /// The child-cancellation pattern: `body` awaits an expression (`t`, `self._task`) whose
  /// `cancel` the same coroutine used before that await (before the `try` or in its body),
  /// called (`t.cancel()`) or handed over to be called (`loop.call_soon(t.cancel)`,
  /// `loop.call_later(0.1, t.cancel)`). The `CancelledError` the handler catches is then the
  /// child's.
  static func awaitsTaskCancelledEarlier(_ body: BlockSyntax, in coroutine: SyntaxNode, model: SemanticModel) -> Bool {
    let end = body.node.textRange.upperBound
    // Where each cancelled expression's `cancel` is first used.
    var cancelledAt: [String: UInt32] = [:]
    for node in coroutine.descendantsAndSelf where node.kind == .attribute && node.textRange.upperBound <= end {
      guard let attribute = AttributeSyntax(node), attribute.isName("cancel"),
        model.enclosingFunction(of: node) == coroutine
      else { continue }
      let text = attribute.value.unparenthesized.compactText
      cancelledAt[text] = min(cancelledAt[text] ?? .max, node.textRange.upperBound)
    }
    if cancelledAt.isEmpty { return false }
    return body.node.descendantsAndSelf.contains { node in
      guard let awaited = AwaitSyntax(node), model.enclosingFunction(of: node) == coroutine,
        let cancelled = cancelledAt[awaited.operand.unparenthesized.compactText]
      else { return false }
      return cancelled <= node.textRange.lowerBound
    }
  }

  /// A guard that re-raises the task's own cancellation before any way out of the handler:
  /// `if … task.cancelling(): raise` (aiohttp: only a child's `CancelledError` is dropped), or
  /// `if not isinstance(exc, Exception): raise` (anyio: a cancellation is no `Exception`), or
  /// `if isinstance(exc, (CancelledError, …)): raise`.
  static func hasReraiseGuard(_ handler: ExceptClauseSyntax) -> Bool {
    guard let statements = handler.body?.statements else { return false }
    return hasReraiseGuard(statements, caught: handler.name)
  }

  /// `hasReraiseGuard` for `statements` (a handler's, or a helper's it hands the exception to,
  /// with `caught` the parameter that receives it).
  private static func hasReraiseGuard(_ statements: [SyntaxNode], caught: String?) -> Bool {
    for statement in statements {
      if let test = IfSyntax(statement), test.elifClauses.isEmpty, let body = test.body,
        ExitAnalysis.alwaysRaises(body), isCancellationTest(test.condition, caught: caught)
      {
        return true
      }
      if ExitAnalysis.mayLeave(statement) { return false }
    }
    return false
  }

  /// Whether `test` holds for the task's own cancellation: it asks `.cancelling()` (anywhere in
  /// it: aiohttp ands it with a version check and the current task), or it says the caught
  /// exception is not an `Exception` or is a `CancelledError`/`BaseException` (one part of an
  /// `or` saying so suffices).
  private static func isCancellationTest(_ test: SyntaxNode, caught: String?) -> Bool {
    let node = test.unparenthesized
    if node.descendantsAndSelf.contains(where: { AttributeSyntax($0)?.isName("cancelling") == true }) { return true }
    guard let caught else { return false }
    if let operation = BoolOperationSyntax(node) {
      guard operation.operatorKind == .orKeyword else { return false }
      return operation.operands.contains { isCancellationTest($0, caught: caught) }
    }
    if let negation = UnaryOperationSyntax(node), negation.operatorKind == .notKeyword {
      return isInstanceTest(negation.operand, caught: caught, types: ["Exception"])
    }
    return isInstanceTest(node, caught: caught, types: ["CancelledError", "BaseException"])
  }

  /// `isinstance(<caught>, T)` or `isinstance(<caught>, (T, …))` with one of `types` (by last
  /// name: `asyncio.CancelledError` too) among the types.
  private static func isInstanceTest(_ expression: SyntaxNode, caught: String, types: Set<String>) -> Bool {
    guard let call = CallSyntax(expression.unparenthesized), call.callee.unparenthesized.asName?.identifier == "isinstance",
      call.arguments.count == 2, call.arguments[0].value.unparenthesized.asName?.identifier == caught
    else { return false }
    let checked = call.arguments[1].value.unparenthesized
    let candidates = checked.kind == .tuple ? Array(checked.children) : [checked]
    return candidates.contains { candidate in
      let last = candidate.unparenthesized.asName?.identifier ?? AttributeSyntax(candidate.unparenthesized)?.name
      return last.map(types.contains) ?? false
    }
  }

  /// anyio's shape: nothing in the handler leaves it before its last statement, a call (awaited
  /// or not) of a function of this file (`helper(exc)`, `self._convert(exc)`) that always
  /// raises: annotated `NoReturn`/`Never`, raising on every path of its body, or re-raising
  /// the task's cancellation through a guard on the parameter it receives the exception in
  /// (`if not isinstance(exc, Exception): raise` — a bare `raise` there re-raises what the
  /// handler is handling).
  static func endsInRaisingHelper(_ handler: ExceptClauseSyntax, in model: SemanticModel) -> Bool {
    guard let statements = handler.body?.statements, let last = statements.last,
      !statements.dropLast().contains(where: ExitAnalysis.mayLeave),
      let expression = ExpressionStatementSyntax(last)?.expression.unparenthesized
    else { return false }
    let callNode = AwaitSyntax(expression)?.operand.unparenthesized ?? expression
    guard let call = CallSyntax(callNode), let helper = calledFunction(call.callee, in: model)
    else { return false }
    if let returns = helper.returns?.unparenthesized {
      let name = returns.asName?.identifier ?? AttributeSyntax(returns)?.name
      if name == "NoReturn" || name == "Never" { return true }
    }
    guard let body = helper.body else { return false }
    if ExitAnalysis.alwaysRaises(body) { return true }
    // The parameter the caught exception is passed to, by position (after `self` in a method
    // that is not a `staticmethod`).
    guard let caught = handler.name, let position = call.arguments.firstIndex(where: { argument in
      argument.kind == .positional && argument.value.unparenthesized.asName?.identifier == caught
    }) else { return false }
    let isStatic = helper.decorators.contains { $0.expression.unparenthesized.asName?.identifier == "staticmethod" }
    let offset = model.enclosingClass(ofMethod: helper.node) != nil && !isStatic ? 1 : 0
    guard let parameters = helper.parameters?.parameters, position + offset < parameters.count else { return false }
    return hasReraiseGuard(body.statements, caught: parameters[position + offset].name)
  }

  /// The def `callee` names: a function bound only by that def (`helper`), or a method of the
  /// class `self` stands for (`self._convert`; also from a function nested in the method).
  private static func calledFunction(_ callee: SyntaxNode, in model: SemanticModel) -> FunctionDefSyntax? {
    let callee = callee.unparenthesized
    if callee.kind == .name {
      let bindings = model.resolve(callee).bindings
      guard bindings.count == 1, bindings[0].kind == .function else { return nil }
      return FunctionDefSyntax(bindings[0].node)
    }
    guard let attribute = AttributeSyntax(callee), let name = attribute.name,
      let owner = model.instanceClass(of: attribute.value.unparenthesized),
      let scope = model.scopeOpened(by: owner.node)
    else { return nil }
    let bindings = model.bindings(named: name, in: scope.id)
    guard bindings.count == 1, bindings[0].kind == .function else { return nil }
    return FunctionDefSyntax(bindings[0].node)
  }

  /// contextlib's `__aexit__` shape: the handler (`except BaseException as exc:`) re-raises
  /// whenever the caught exception is not the one in flight (`if exc is not value: raise`,
  /// `value` a parameter of `__aexit__`), and otherwise returns a false value, which makes the
  /// `async with` re-raise that exception: nothing is swallowed on any path.
  static func reraisesExceptionInFlight(_ handler: ExceptClauseSyntax, in coroutine: FunctionDefSyntax) -> Bool {
    guard coroutine.name == "__aexit__", let caught = handler.name, let statements = handler.body?.statements,
      let parameters = coroutine.parameters?.parameters.dropFirst().map(\.name),
      let guardIndex = statements.firstIndex(where: { isReraiseGuard($0, caught: caught, inFlight: parameters) }),
      // Nothing before the guard may leave the handler (`if self.quiet: return True`).
      !statements[..<guardIndex].contains(where: ExitAnalysis.mayLeave)
    else { return false }
    for statement in statements[(guardIndex + 1)...] {
      switch statement.kind {
      case .raiseStatement:
        return true
      case .returnStatement:
        return ReturnSyntax(statement)?.value.map { $0.literalTruth == false } ?? true
      default:
        // Any other way out of the handler (or off its end) is not known to re-raise.
        if ExitAnalysis.mayLeave(statement) { return false }
      }
    }
    return false
  }

  /// `if <caught> is not <one of inFlight>: raise`, with no `elif` or `else`.
  private static func isReraiseGuard(_ statement: SyntaxNode, caught: String, inFlight: [String]) -> Bool {
    guard let test = IfSyntax(statement), test.elifClauses.isEmpty, test.elseClause == nil,
      let body = test.body?.statements, body.count == 1, let raise = RaiseSyntax(body[0]),
      raise.isBare || raise.exception?.unparenthesized.asName?.identifier == caught,
      let comparison = ComparisonSyntax(test.condition.unparenthesized), comparison.operators == [.isNot],
      let left = comparison.left.unparenthesized.asName, let right = comparison.comparators.first?.unparenthesized.asName
    else { return false }
    let names = [left.identifier, right.identifier]
    return names.contains(caught) && names.contains(where: inFlight.contains)
  }

  /// AsyncExitStack's shape: the handler stores the caught exception in a local
  /// (`error = new_error`, or collects it: `errors.append(exc)`) and the function raises it
  /// after the `try` (`raise error`, `raise errors[0]`, `raise Group("…", errors)`),
  /// with no `return` or `break` on the way: from the start of the outermost loop around the
  /// `try` (or the `try` itself) to the `raise`. A retry loop that returns once an attempt
  /// succeeds (`try: return await op() except BaseException as e: last = e`, then `raise last`)
  /// drops a cancellation caught on the way, so it stays a finding.
  static func keepsExceptionToRaiseLater(
    _ handler: ExceptClauseSyntax, of statement: TrySyntax, in function: SyntaxNode, model: SemanticModel
  ) -> Bool {
    guard let caught = handler.name, let body = handler.body else { return false }
    var keptIn: Set<String> = []
    for node in body.node.descendantsAndSelf {
      if let assignment = AssignmentSyntax(node), assignment.value.unparenthesized.asName?.identifier == caught {
        for target in assignment.targets { if let name = target.unparenthesized.asName { keptIn.insert(name.identifier) } }
      } else if let call = CallSyntax(node), let method = AttributeSyntax(call.callee.unparenthesized),
        method.isName("append") || method.isName("add"), call.arguments.count == 1,
        call.arguments[0].value.unparenthesized.asName?.identifier == caught,
        let collection = method.value.unparenthesized.asName
      {
        keptIn.insert(collection.identifier)
      }
    }
    if keptIn.isEmpty { return false }
    let end = statement.node.textRange.upperBound
    guard
      let raise = function.descendantsAndSelf.first(where: { node in
        guard node.kind == .raiseStatement, node.textRange.lowerBound >= end,
          let exception = RaiseSyntax(node)?.exception,
          exception.descendantsAndSelf.contains(where: { $0.asName.map { keptIn.contains($0.identifier) } ?? false })
        else { return false }
        return model.enclosingFunction(of: node) == function
      })
    else { return false }
    var start = statement.node
    var ancestor = statement.node.parent
    while let node = ancestor, node != function {
      if [.forStatement, .asyncForStatement, .whileStatement].contains(node.kind) { start = node }
      ancestor = node.parent
    }
    return !leaves(function, between: start.textRange.lowerBound, and: raise.textRange.lowerBound, model: model)
  }

  /// Whether a `return` or `break` of `function` (not of a function nested in it) lies between
  /// the offsets `start` and `end`.
  private static func leaves(_ function: SyntaxNode, between start: UInt32, and end: UInt32, model: SemanticModel)
    -> Bool
  {
    function.descendantsAndSelf.contains { node in
      guard node.kind == .returnStatement || node.kind == .breakStatement else { return false }
      let offset = node.textRange.lowerBound
      return start <= offset && offset < end && model.enclosingFunction(of: node) == function
    }
  }
}
