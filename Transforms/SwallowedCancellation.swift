import Engine
import PythonSyntax
import Semantics

/// AF104 swallowed-cancellation: an `except` that catches a coroutine's `CancelledError` and can
/// finish without re-raising turns `task.cancel()` into a no-op; the task carries on (or returns
/// normally), and whoever awaits it after cancelling it never learns it was cancelled.
///
/// The first handler of a `try` that catches the cancellation decides (an `except Exception`
/// before it does not: `CancelledError` is a `BaseException` in CPython ≥ 3.8 and MicroPython).
/// It catches it when it names `CancelledError` through any binding of asyncio (`asyncio.`,
/// `uasyncio.`, from-imported, aliased, in a tuple), `BaseException`, or nothing (`except:`).
/// It swallows when `ExitAnalysis` finds a path through its body that does not raise. Any
/// `raise` counts as not swallowing: `raise RuntimeError(…)` replaces the cancellation, but the
/// task still ends abnormally and its awaiter sees an exception, which is a design choice, not the
/// silent pitfall this rule is about.
///
/// Not reported: a `try` body without an await point (nothing in it can be cancelled), and the
/// child-cancellation pattern, where the body awaits a task this coroutine cancelled earlier
/// (`t.cancel()` … `try: await t except CancelledError: pass`): there the `CancelledError` is the
/// child's, expected and rightly dropped. The task is matched by the text of the expression
/// (`t`, `self._task`), which is what the pattern looks like in practice. Nor the other shapes of
/// `SwallowedCancellation+Exemptions.swift`: the cancel handed to the loop
/// (`loop.call_soon(t.cancel)`), `__aexit__` returning False for the exception in flight, an
/// exception kept in a local or a list that is raised after the `try`, and a guard re-raising
/// the task's own cancellation (`cancelling()`, `not isinstance(exc, Exception)`), and a last
/// call of a helper that always raises. A handler whose body is `1 / 0` raises (`ExitAnalysis`). Modules of trio or twisted without asyncio
/// are skipped (`isOtherLoopsModule`).
public struct SwallowedCancellation: Rule {
  public init() {}

  static let cancelledError: QualifiedNameSet = ["asyncio.CancelledError"]
  static let baseException: QualifiedNameSet = ["builtins.BaseException"]

  /// How a handler catches the cancellation.
  enum Catch {
    /// `except:`.
    case bare
    /// `BaseException`, alone or in a tuple (and no `CancelledError` named).
    case baseException
    /// `CancelledError`; `alone` when it is the clause's only type.
    case cancelledError(alone: Bool)
  }

  /// It reports only inside an `async def`.
  public static func mayReport(in model: SemanticModel) -> Bool { model.hasCoroutine }

  /// Whether the file is a module of another event loop (it imports trio or twisted and no
  /// asyncio): its `BaseException` handlers meet trio's `Cancelled` or twisted's failures, not
  /// asyncio's `CancelledError`. Decided on the first `try`.
  private var isOtherLoopsModule: Bool?

  static func isOtherLoopsModule(_ model: SemanticModel) -> Bool {
    if model.mayReferenceAsyncio { return false }
    return model.imports.contains { record in
      record.relativeLevel == 0 && ["trio", "twisted"].contains(record.moduleName.components.first ?? "")
    }
  }

  public mutating func visit(_ node: SyntaxNode, in context: RuleContext) {
    let model = context.model
    if isOtherLoopsModule == nil { isOtherLoopsModule = Self.isOtherLoopsModule(context.model) }
    guard isOtherLoopsModule == false, let statement = TrySyntax(node), let body = statement.body,
      let coroutine = model.enclosingCoroutine(of: node), model.containsAwaitPoint(body.node)
    else { return }
    guard let (handler, caught) = firstCatchingHandler(statement, model: model),
      let handlerBody = handler.body, !ExitAnalysis.alwaysRaises(handlerBody)
    else { return }
    if Self.awaitsTaskCancelledEarlier(body, in: coroutine.node, model: model)
      || Self.hasReraiseGuard(handler)
      || Self.endsInRaisingHelper(handler, in: model)
      || Self.reraisesExceptionInFlight(handler, in: coroutine)
      || Self.keepsExceptionToRaiseLater(handler, of: statement, in: coroutine.node, model: model)
    {
      return
    }
    let header = handler.type.map { "`except \($0.shortText())`" } ?? "`except:`"
    context.report(
      Self.description, message: "\(header) swallows the task's cancellation",
      range: context.tree.tokens.textRange(handler.node.firstToken),
      fixes: Self.fixes(for: handler, caught: caught, in: statement, body: body, context: context))
  }

  /// The first handler that catches a `CancelledError`, and how.
  private func firstCatchingHandler(_ statement: TrySyntax, model: SemanticModel) -> (ExceptClauseSyntax, Catch)? {
    for handler in statement.handlers where !handler.isStar {
      let types = handler.caughtTypes
      if handler.type == nil { return (handler, .bare) }
      if types.contains(where: { model.matches($0, Self.cancelledError) }) {
        return (handler, .cancelledError(alone: types.count == 1))
      }
      if types.contains(where: { model.matches($0, Self.baseException) }) { return (handler, .baseException) }
    }
    return nil
  }

  // MARK: Fixes

  /// The alternatives in DESIGN §3's order; the engine applies the first its mode allows.
  static func fixes(
    for handler: ExceptClauseSyntax, caught: Catch, in statement: TrySyntax, body: BlockSyntax,
    context: RuleContext
  ) -> [Fix] {
    guard let handlerBody = handler.body else { return [] }
    var fixes: [Fix] = []
    switch caught {
    case .cancelledError(let alone):
      if alone, statement.handlers.count == 1, statement.elseClause == nil, statement.finallyClause == nil,
        !ExitAnalysis.mayLeave(handlerBody), !usesName(of: handler), let colon = handler.node.directToken(.colon)
      {
        let tokens = context.tree.tokens
        let range = tokens.textStarts[Int(handler.node.firstToken)]..<tokens.textEnds[Int(colon)]
        // Safe only when the body cannot finish normally: otherwise the cleanup also runs then.
        let safe = ExitAnalysis.alwaysRaises(body)
        fixes.append(
          Fix(
            message: "Turn the handler into `finally:`", applicability: safe ? .safe : .unsafe,
            edits: [Edit(range: range, replacement: "finally:")]))
        if safe { return fixes }
      }
    case .bare, .baseException:
      if let reference = context.asyncio("CancelledError", at: handler.node),
        let insertion = reraiseClause(reference.expression, before: handler)
      {
        return [
          Fix(
            message: "Re-raise `\(reference.expression)` in a handler of its own", applicability: .safe,
            edits: [insertion] + reference.importEdits)
        ]
      }
    }
    if let append = appendedRaise(to: handlerBody) { fixes.append(append) }
    return fixes
  }

  /// `except <CancelledError>:` + `raise` on lines of their own before `handler`, the `raise`
  /// indented as the handler's body is (one line, `except …: raise`, for a one-line body).
  private static func reraiseClause(_ cancelledError: String, before handler: ExceptClauseSyntax) -> Edit? {
    guard let body = handler.body, let clauseIndentation = handler.node.lineIndentation else { return nil }
    let source = handler.node.tree.source
    let outer = Array(source.bytes[Int(clauseIndentation.lowerBound)..<Int(clauseIndentation.upperBound)])
    if let inner = Indentation.text(of: body), inner.starts(with: outer), inner.count > outer.count {
      let step = String(decoding: inner[outer.count...], as: UTF8.self)
      return Indentation.insertion("except \(cancelledError):\n\(step)raise", before: handler.node)
    }
    return Indentation.insertion("except \(cancelledError): raise", before: handler.node)
  }

  /// `raise` as the handler's last statement; a body that is only `pass` has the `pass` replaced
  /// (the `pass` would be left meaningless). `nil` when the body leaves by `return`, `break` or
  /// `continue`: a `raise` after those would not run on their paths, and rewriting them changes
  /// what the handler means, so those findings carry no fix.
  private static func appendedRaise(to body: BlockSyntax) -> Fix? {
    if ExitAnalysis.mayLeave(body) { return nil }
    let statements = body.statements
    if statements.count == 1, statements[0].kind == .passStatement {
      return Fix(
        message: "Replace `pass` with `raise`", applicability: .safe,
        edits: [Edit(range: statements[0].textRange, replacement: "raise")])
    }
    guard let insertion = Indentation.insertion("raise", atEndOf: body) else { return nil }
    return Fix(message: "Re-raise at the end of the handler", applicability: .safe, edits: [insertion])
  }

  /// Whether the handler's `as` name is read in its body (a `finally:` has no such name).
  private static func usesName(of handler: ExceptClauseSyntax) -> Bool {
    guard let name = handler.name, let body = handler.body else { return false }
    return body.node.descendantsAndSelf.contains { $0.kind == .name && $0.text == name }
  }


  public static let description = RuleDescription(
    code: "AF104", name: "swallowed-cancellation",
    summary: "An `except` in a coroutine catches `CancelledError` and can finish without re-raising it",
    rationale: """
      `task.cancel()` works by raising `CancelledError` at the task's current await point. A \
      handler that catches it — `except asyncio.CancelledError:`, `except BaseException:`, a bare \
      `except:` — and then falls off its end, returns, breaks or continues, swallows the request: \
      the task keeps running or returns normally, `await task` after `task.cancel()` does not \
      raise, and shutdown code (`asyncio.wait_for` timeouts, `TaskGroup`s, a supervisor cancelling \
      its workers) hangs or misbehaves.

      Reported around a `try` body with an await point, when some path through the handler does \
      not raise. Any `raise` counts as re-raising. Not reported when the body awaits a task the \
      coroutine cancelled itself (`t.cancel()`, or `loop.call_soon(t.cancel)`, then \
      `try: await t except CancelledError: pass`), in `__aexit__` when the handler re-raises all \
      but the exception in flight and returns False for that one (`async with` then re-raises it), \
      when the handler keeps the exception (in a local or a list) that the function raises after \
      the `try`, when a guard re-raises the task's own cancellation first (`if task.cancelling(): \
      raise`, `if not isinstance(exc, Exception): raise`), when the handler ends by calling a \
      function of the file that always raises (annotated `NoReturn`, or raising on every path), \
      and in modules of trio or twisted that import no asyncio.

      Fixes, first allowed wins: a sole `except CancelledError:` without `else`, `finally`, \
      `return`/`break`/`continue` or a used `as` name becomes `finally:` (safe when the body \
      cannot finish normally, unsafe otherwise since the cleanup then also runs on normal exit); \
      a bare or `BaseException` handler gets `except asyncio.CancelledError: raise` before it; \
      otherwise the handler ends with `raise` (a lone `pass` becomes `raise`). A handler that \
      leaves by `return`, `break` or `continue` gets no automatic fix.
      """,
    triggeringExamples: [
      RuleExample(
        """
        import asyncio
        async def worker(queue):
            try:
                await queue.get()
            ↓except asyncio.CancelledError:
                print("cancelled")
        """),
      RuleExample(
        """
        from uasyncio import CancelledError
        async def blink(led):
            while True:
                try:
                    await blink_once(led)
                ↓except (OSError, CancelledError):
                    continue
        """),
      RuleExample(
        """
        async def poll(sensor):
            try:
                await sensor.read()
            ↓except:
                return None
        """),
      RuleExample(
        """
        async def serve(reader):
            try:
                await reader.readline()
            ↓except BaseException as error:
                log(error)
        """),
    ],
    nonTriggeringExamples: [
      RuleExample(
        """
        import asyncio
        async def worker(queue):
            try:
                await queue.get()
            except asyncio.CancelledError:
                print("cancelled")
                raise
        """),
      RuleExample(
        """
        import asyncio
        async def stop(task):
            task.cancel()
            try:
                await task
            except asyncio.CancelledError:
                pass
        """),
      RuleExample(
        """
        import asyncio
        async def parse(text):
            try:
                return int(text)
            except BaseException:
                return 0
        """),
      RuleExample(
        """
        import asyncio
        def sync(callback):
            try:
                callback()
            except asyncio.CancelledError:
                pass
        """),
    ],
    corrections: [
      RuleCorrection(
        """
        import asyncio
        async def run(led):
            try:
                while True:
                    await asyncio.sleep(1)
            ↓except asyncio.CancelledError:
                led.off()
        """,
        """
        import asyncio
        async def run(led):
            try:
                while True:
                    await asyncio.sleep(1)
            finally:
                led.off()
        """),
      RuleCorrection(
        """
        async def poll(sensor):
            try:
                await sensor.read()
            ↓except:
                pass
        """,
        """
        import asyncio
        async def poll(sensor):
            try:
                await sensor.read()
            except asyncio.CancelledError:
                raise
            except:
                pass
        """),
      RuleCorrection(
        """
        import asyncio
        async def worker(queue):
            try:
                await queue.get()
            ↓except asyncio.CancelledError:
                pass
        """,
        """
        import asyncio
        async def worker(queue):
            try:
                await queue.get()
            except asyncio.CancelledError:
                raise
        """),
    ],
    fixAvailability: .sometimes(.safe),
    nodeKinds: [.tryStatement])
}
