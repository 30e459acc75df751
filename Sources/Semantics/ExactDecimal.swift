import PythonSyntax

/// The exact value of a non-negative number literal, as decimal digits and a power of ten.
///
/// Fixes that rewrite numbers (`time.sleep(0.2)` → `asyncio.sleep_ms(200)`) must not go through
/// floating point: `0.2 * 1000` is `200.00000000000003` as a `Double`, and `0.0001 * 1000` looks
/// integral after rounding when it is not. Scaling by powers of ten is exact on the literal's text.
///
/// The value is `digits × 10^exponent`, normalised so that `digits` has no leading or trailing
/// zeros (zero is no digits): equal values have equal representations.
public struct ExactDecimal: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// ASCII digits, most significant first.
  public let digits: [UInt8]
  public let exponent: Int

  /// Exponents beyond this are refused when parsing, so scaling and printing stay bounded.
  static let exponentLimit = 10_000

  public static let zero = ExactDecimal(normalizing: [], exponent: 0)

  private init(normalizing digits: some Collection<UInt8>, exponent: Int) {
    var digits = Array(digits.drop { $0 == UInt8(ascii: "0") })
    var exponent = exponent
    while digits.last == UInt8(ascii: "0") {
      digits.removeLast()
      exponent += 1
    }
    self.digits = digits
    self.exponent = digits.isEmpty ? 0 : exponent
  }

  public init(_ value: UInt) {
    self.init(normalizing: Array(String(value).utf8), exponent: 0)
  }

  /// Parses a Python decimal integer or float literal (`1_000`, `0.2`, `.5`, `5.`, `1.5e-3`);
  /// `nil` for anything else (`0x10`, `1j`, text that is not a literal) or an exponent beyond
  /// ±10,000.
  public init?(literal text: some StringProtocol) {
    var digits: [UInt8] = []
    var fractionDigits = 0
    var sawPoint = false
    var sawDigit = false
    var bytes = text.utf8.makeIterator()
    var exponentText: [UInt8]?
    while let byte = bytes.next() {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        digits.append(byte)
        sawDigit = true
        if sawPoint { fractionDigits += 1 }
      case UInt8(ascii: "_"):
        continue
      case UInt8(ascii: "."):
        guard !sawPoint else { return nil }
        sawPoint = true
      case UInt8(ascii: "e"), UInt8(ascii: "E"):
        var exponentBytes: [UInt8] = []
        while let next = bytes.next() {
          if next != UInt8(ascii: "_") { exponentBytes.append(next) }
        }
        exponentText = exponentBytes
      default:
        return nil
      }
    }
    guard sawDigit else { return nil }
    var exponent = 0
    if let exponentText {
      guard let value = Int(String(decoding: exponentText, as: UTF8.self)), abs(value) <= Self.exponentLimit else {
        return nil
      }
      exponent = value
    }
    self.init(normalizing: digits, exponent: exponent - fractionDigits)
  }

  public var isZero: Bool { digits.isEmpty }

  /// The value times `10^power`.
  public func scaled(byPowerOfTen power: Int) -> ExactDecimal {
    ExactDecimal(normalizing: digits, exponent: exponent + power)
  }

  /// Whether the value is a whole number.
  public var isIntegral: Bool { exponent >= 0 }

  /// The value's decimal integer text (`"1500"`) when it is a whole number of at most
  /// `maximumDigits` digits; `nil` otherwise.
  public func integerText(maximumDigits: Int = 18) -> String? {
    if isZero { return "0" }
    guard isIntegral, digits.count + exponent <= maximumDigits else { return nil }
    return String(decoding: digits + repeatElement(UInt8(ascii: "0"), count: exponent), as: UTF8.self)
  }

  /// Plain positional notation, as a Python literal: `1500`, `0.0075`, `12.5`.
  public var description: String {
    if isZero { return "0" }
    let zero = UInt8(ascii: "0")
    if exponent >= 0 { return String(decoding: digits + repeatElement(zero, count: exponent), as: UTF8.self) }
    let point = digits.count + exponent
    if point > 0 {
      return String(decoding: digits[..<point] + [UInt8(ascii: ".")] + digits[point...], as: UTF8.self)
    }
    return "0." + String(repeating: "0", count: -point) + String(decoding: digits, as: UTF8.self)
  }

  public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
    if lhs.isZero || rhs.isZero { return lhs.isZero && !rhs.isZero }
    // Position of the most significant digit decides first, then the digits themselves.
    let leftMagnitude = lhs.digits.count + lhs.exponent
    let rightMagnitude = rhs.digits.count + rhs.exponent
    if leftMagnitude != rightMagnitude { return leftMagnitude < rightMagnitude }
    for index in 0..<max(lhs.digits.count, rhs.digits.count) {
      let left = index < lhs.digits.count ? lhs.digits[index] : UInt8(ascii: "0")
      let right = index < rhs.digits.count ? rhs.digits[index] : UInt8(ascii: "0")
      if left != right { return left < right }
    }
    return false
  }
}

extension ConstantSyntax {
  /// The exact value of an integer or float literal (any base, underscores and exponents
  /// allowed); `nil` for other constants and imaginary numbers.
  public var exactDecimalValue: ExactDecimal? {
    switch kind {
    case .float:
      return numberText.flatMap { ExactDecimal(literal: $0) }
    case .integer:
      guard let text = numberText else { return nil }
      let prefixed = text.count > 1 && text.first == "0" && "xXoObB".contains(text[text.index(after: text.startIndex)])
      if !prefixed { return ExactDecimal(literal: text) }
      return integerValue.flatMap { $0 >= 0 ? ExactDecimal(UInt($0)) : nil }
    default:
      return nil
    }
  }
}
