import Engine
import PythonSyntax
import Semantics

/// AF102 blocking-sleep: `time.sleep()` and its relatives inside a coroutine stop every task, not
/// only the caller; the fix awaits asyncio's sleep instead.
///
/// Found through every import form (`import utime as t`, `from time import sleep as nap`, a
/// `try`/`except ImportError` fallback) by the qualified names the semantic model resolves, so a
/// parameter or local that hides the module is not a finding. `time.sleep_ms(n)` and
/// `time.sleep_us(n)` of at most `precise-delay-ms` are deliberate precise delays and are left
/// alone; `time.sleep` and `pyb.delay` are always reported (DESIGN §3).
public struct BlockingSleep: Rule {
  public init() {}

  static let functions: QualifiedNameSet = ["time.sleep", "time.sleep_ms", "time.sleep_us", "pyb.delay"]

  /// It reports only inside an `async def`.
  public static func mayReport(in model: SemanticModel) -> Bool { model.hasCoroutine }

  public mutating func visit(_ node: SyntaxNode, in context: RuleContext) {
    let model = context.model
    guard let call = CallSyntax(node), model.enclosingCoroutine(of: node) != nil, !model.isInAnnotation(node),
      let function = model.match(call.callee, in: Self.functions)
    else { return }
    let sleep = Sleep(function: function)
    let arguments = call.arguments
    if arguments.isEmpty { return }  // A TypeError when it runs, not a sleep.
    // Starred, keyword or extra arguments cannot be converted; the call still blocks.
    let argument: SyntaxNode? = arguments.count == 1 && arguments[0].kind == .positional ? arguments[0].node : nil
    if let argument, sleep.isPreciseTimer, !sleep.isLongerThanPreciseDelay(argument, settings: context.settings) {
      return
    }
    // `time.sleep(-1)` raises at once (ValueError in CPython, OSError in MicroPython) instead of
    // sleeping; `asyncio.sleep(-1)` would return instead, so it is neither blocking nor a case
    // for the fix.
    if let argument, sleep.unit == .seconds, NumberLiteral(argument)?.isNegative == true { return }
    let calleeText = call.callee.compactText
    let conversion = argument.flatMap { self.fix(for: call, argument: $0, sleep: sleep, in: context) }
    let finding = context.report(
      Self.description, message: "\(calleeText)() blocks the event loop inside a coroutine", range: node.textRange,
      fixes: conversion.map { [$0] } ?? [])
    if conversion != nil { context.noteAwaitPoint(at: node, from: finding) }
  }

  // MARK: Fix

  /// Replaces the call by `await <asyncio sleep>(…)`, in one edit over the call: the callee
  /// changes, the argument changes where the unit does, and every other byte of the call
  /// (comments, line breaks, spacing, a trailing comma) is copied as it was.
  /// No fix inside a comprehension or generator expression: `await` there changes what the
  /// expression is (an async generator) or, in MicroPython, does not compile.
  private func fix(for call: CallSyntax, argument: SyntaxNode, sleep: Sleep, in context: RuleContext) -> Fix? {
    let node = call.node
    guard context.model.scope(of: node).kind != .comprehension else { return nil }
    let replacement = sleep.replacement(for: argument, dialect: context.dialect)
    guard let reference = context.asyncio(replacement.member, at: node) else { return nil }
    // Already awaited (`await time.sleep(1)`, `await (  # why⏎ time.sleep(1))`): only the
    // call changes, so the result is not awaited twice and whatever sits between the `await`
    // and the call (brackets, comments) stays.
    let isAwaited = Self.awaitExpression(around: node) != nil
    let parenthesize = !isAwaited && Self.needsParentheses(node)
    let bytes = node.tree.source.bytes
    let callRange = node.textRange
    let calleeEnd = Int(call.callee.textRange.upperBound)
    let argumentRange = argument.textRange
    var text = Array(((parenthesize ? "(" : "") + (isAwaited ? "" : "await ") + reference.expression).utf8)
    text += bytes[calleeEnd..<Int(argumentRange.lowerBound)]
    text += replacement.argument.text(for: argument)
    text += bytes[Int(argumentRange.upperBound)..<Int(callRange.upperBound)]
    if parenthesize { text += Array(")".utf8) }
    let edits = [Edit(range: callRange, replacement: text)] + reference.importEdits
    let shown = "await \(reference.expression)(\(replacement.argument.display(for: argument)))"
    return Fix(message: "Replace with `\(shown)`", applicability: .safe, edits: edits)
  }

  /// The `await` expression whose operand is `call`, through any parentheses around it.
  static func awaitExpression(around call: SyntaxNode) -> SyntaxNode? {
    var parent = call.parent
    while let node = parent, node.kind == .parenthesized { parent = node.parent }
    return parent?.kind == .awaitExpression ? parent : nil
  }

  /// Whether `await …` in place of the call needs brackets: anywhere but a slot that takes a
  /// whole expression. Required as the value of an attribute, call or subscript
  /// (`(await x).y`); elsewhere (operands) they keep the reading obvious.
  static func needsParentheses(_ call: SyntaxNode) -> Bool {
    switch call.parent?.kind {
    case .expressionStatement, .assignment, .annotatedAssignment, .augmentedAssignment, .returnStatement,
      .assertStatement, .raiseStatement, .ifStatement, .elifClause, .whileStatement, .forStatement,
      .asyncForStatement, .withItem, .parenthesized, .argumentList, .keywordArgument, .starred, .tuple, .list,
      .set, .dictionaryEntry, .namedExpression, .formattedValue, .interpolation, .yieldExpression, nil:
      false
    default:
      true
    }
  }
}
