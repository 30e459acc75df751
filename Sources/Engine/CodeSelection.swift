/// Which rule codes are enabled, from `--select` and `--ignore` lists of codes or prefixes.
///
/// Resolution follows ruff: for each code, the longest matching selector decides; when a
/// `select` and an `ignore` selector are equally long, `ignore` wins. So `--select AF001
/// --ignore AF` keeps AF001, while `--select AF0 --ignore AF001` drops it. With no `--select`,
/// everything (`AF`) is selected.
public struct CodeSelection: Hashable, Sendable {
  public private(set) var enabled: Set<String>

  /// A selector that matches no known code.
  public struct UnknownCodeError: Error, Hashable, Sendable, CustomStringConvertible {
    public var selector: String
    public var description: String {
      "unknown rule code or prefix '\(selector)' (known codes: AF001, AF101-AF109)"
    }
  }

  /// - Parameters:
  ///   - select: selectors to enable; `nil` means all.
  ///   - ignore: selectors to disable.
  ///   - known: every code the tool knows.
  public init(select: [String]?, ignore: [String], known: [String] = RuleCatalog.all.map(\.code)) throws {
    let selectors = try Self.validated(select ?? ["AF"], known: known)
    let ignored = try Self.validated(ignore, known: known)
    enabled = Set(
      known.filter { code in
        let selectLength = Self.longestMatch(selectors, code)
        let ignoreLength = Self.longestMatch(ignored, code)
        return selectLength >= 0 && selectLength > ignoreLength
      })
  }

  /// Everything enabled.
  public static let all: CodeSelection = {
    // The default selector cannot be unknown.
    try! CodeSelection(select: nil, ignore: [])
  }()

  public func isEnabled(_ code: String) -> Bool { enabled.contains(code) }

  /// Splits comma-separated command-line values (`AF101,AF102`, possibly repeated options) into
  /// selectors, dropping blanks so a trailing comma is harmless.
  public static func selectors(from values: [String]) -> [String] {
    values.flatMap { $0.split(separator: ",") }
      .map { $0.trimmingCharacters(in: " \t") }
      .filter { !$0.isEmpty }
  }

  private static func validated(_ selectors: [String], known: [String]) throws -> [String] {
    for selector in selectors where !known.contains(where: { $0.hasPrefix(selector) }) {
      throw UnknownCodeError(selector: selector)
    }
    return selectors
  }

  /// Length of the longest selector that is a prefix of `code`, or -1 when none is.
  private static func longestMatch(_ selectors: [String], _ code: String) -> Int {
    selectors.reduce(-1) { best, selector in code.hasPrefix(selector) ? max(best, selector.count) : best }
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
