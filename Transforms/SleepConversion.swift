import Engine
import PythonSyntax
import Semantics

/// One of AF102's blocking sleeps and how its argument maps onto asyncio's sleeps.
///
/// The conversions (DESIGN §3), per dialect:
///
/// | call | MicroPython | CPython |
/// | --- | --- | --- |
/// | `sleep(0.2)` (literal seconds) | `sleep_ms(200)`; `sleep(x)` when x·1000 is not whole | `sleep(0.2)` |
/// | `sleep(x)` | `sleep(x)` (`sleep_ms` takes ints only) | `sleep(x)` |
/// | `sleep_ms(n)`, `pyb.delay(n)` | `sleep_ms(n)` | `sleep(n / 1000)` |
/// | `sleep_us(7000)` (literal) | `sleep_ms(7)`; `sleep(0.0075)` for 7500 | `sleep(7000 / 1_000_000)` |
/// | `sleep_us(n)` | `sleep(n / 1_000_000)` | `sleep(n / 1_000_000)` |
///
/// Milliseconds are computed exactly from the literal's decimal text (`ExactDecimal`), never
/// through floating point. A literal `sleep_us` whose milliseconds are not whole becomes exact
/// decimal seconds rather than `n / 1_000_000`: the same value, read at a glance. A whole number
/// of milliseconds above 999,999,999 (11 days) stays in seconds, so the integer fits a small int
/// on every MicroPython port.
struct Sleep {
  enum Unit {
    case seconds, milliseconds, microseconds
  }

  let unit: Unit
  /// `sleep_ms` / `sleep_us`: made for precise timing, so short literal delays are deliberate.
  let isPreciseTimer: Bool

  /// The sleep named by `function`, a canonical name from `BlockingSleep.functions`.
  init(function: QualifiedName) {
    switch function.lastComponent {
    case "sleep_ms": (unit, isPreciseTimer) = (.milliseconds, true)
    case "sleep_us": (unit, isPreciseTimer) = (.microseconds, true)
    case "delay": (unit, isPreciseTimer) = (.milliseconds, false)
    default: (unit, isPreciseTimer) = (.seconds, false)
    }
  }

  /// Whether a precise timer's argument is longer than `precise-delay-ms` or not a literal
  /// (`sleep_us` compares n / 1000). Negative literals are not delays at all.
  func isLongerThanPreciseDelay(_ argument: SyntaxNode, settings: Settings) -> Bool {
    guard let literal = NumberLiteral(argument) else { return true }
    if literal.isNegative { return false }
    let milliseconds = unit == .microseconds ? literal.value.scaled(byPowerOfTen: -3) : literal.value
    return ExactDecimal(UInt(max(0, settings.preciseDelayMilliseconds))) < milliseconds
  }

  /// Which asyncio sleep replaces this one, and what becomes of `argument`.
  func replacement(for argument: SyntaxNode, dialect: Dialect) -> (member: String, argument: ArgumentChange) {
    let literal = NumberLiteral(argument).flatMap { $0.isNegative ? nil : $0.value }
    switch (dialect, unit) {
    case (.cpython, .seconds), (.micropython, .seconds):
      if dialect == .micropython, let literal,
        let milliseconds = literal.scaled(byPowerOfTen: 3).integerText(maximumDigits: 9)
      {
        return ("sleep_ms", .replace(milliseconds))
      }
      return ("sleep", .keep)
    case (.micropython, .milliseconds):
      return ("sleep_ms", .keep)
    case (.cpython, .milliseconds):
      return ("sleep", .divide(by: "1000"))
    case (.micropython, .microseconds):
      guard let literal else { return ("sleep", .divide(by: "1_000_000")) }
      if let milliseconds = literal.scaled(byPowerOfTen: -3).integerText(maximumDigits: 9) {
        return ("sleep_ms", .replace(milliseconds))
      }
      return ("sleep", .replace(literal.scaled(byPowerOfTen: -6).description))
    case (.cpython, .microseconds):
      return ("sleep", .divide(by: "1_000_000"))
    }
  }
}

/// What a fix does to the sleep's argument.
enum ArgumentChange: Hashable {
  /// Kept byte for byte.
  case keep
  /// Replaced by this text (a converted literal).
  case replace(String)
  /// Divided by this literal: `/ 1000` appended, the argument bracketed when it binds looser.
  case divide(by: String)

  /// The new argument's bytes: the original ones, kept or bracketed, or the converted literal.
  func text(for argument: SyntaxNode) -> [UInt8] {
    let original = Array(
      argument.tree.source.bytes[Int(argument.textRange.lowerBound)..<Int(argument.textRange.upperBound)])
    switch self {
    case .keep:
      return original
    case .replace(let text):
      return Array(text.utf8)
    case .divide(let divisor):
      if Self.bindsTighterThanDivision(argument) { return original + Array(" / \(divisor)".utf8) }
      return Array("(".utf8) + original + Array(") / \(divisor)".utf8)
    }
  }

  /// The new argument as the fix message shows it (on one line).
  func display(for argument: SyntaxNode) -> String {
    let original = argument.text.split(whereSeparator: { $0 == "\n" || $0 == "\r" })
      .map { $0.trimmingCharacters(in: " \t") }.joined(separator: " ")
    switch self {
    case .keep: return original
    case .replace(let text): return text
    case .divide(let divisor):
      return Self.bindsTighterThanDivision(argument) ? "\(original) / \(divisor)" : "(\(original)) / \(divisor)"
    }
  }

  /// Whether `expression / d` divides the whole expression without brackets: atoms, calls,
  /// attributes, subscripts, `await`, unary `-`/`+`/`~` and `*`, `/`, `//`, `%`, `@`, `**`.
  static func bindsTighterThanDivision(_ expression: SyntaxNode) -> Bool {
    let kinds = expression.tree.tokens.kinds
    switch expression.kind {
    case .name, .attribute, .call, .subscription, .constant, .parenthesized, .list, .dictionary, .set,
      .listComprehension, .setComprehension, .dictionaryComprehension, .formattedString, .templateString,
      .awaitExpression:
      return true
    case .tuple:
      return CollectionSyntax(expression)?.isParenthesized == true
    case .unaryOperation:
      return kinds[Int(expression.firstToken)] != .notKeyword
    case .binaryOperation:
      switch BinaryOperationSyntax(expression)?.operatorKind {
      case .star, .slash, .doubleSlash, .percent, .at, .doubleStar: return true
      default: return false
      }
    default:
      return false
    }
  }
}

/// A number literal, possibly signed (`2`, `0.5`, `-1`, `+1e3`), with its exact value.
struct NumberLiteral {
  let value: ExactDecimal
  let isNegative: Bool

  init?(_ expression: SyntaxNode) {
    var node = expression.unparenthesized
    var negative = false
    while let unary = UnaryOperationSyntax(node), unary.operatorKind == .minus || unary.operatorKind == .plus {
      if unary.operatorKind == .minus { negative.toggle() }
      node = unary.operand.unparenthesized
    }
    guard let value = ConstantSyntax(node)?.exactDecimalValue else { return nil }
    self.value = value
    isNegative = negative && !value.isZero
  }
}

extension Substring {
  fileprivate func trimmingCharacters(in set: String) -> String {
    var slice = self[...]
    while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
    while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
    return String(slice)
  }
}
