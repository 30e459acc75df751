import PythonSyntax

/// What one line's suppression comments suppress.
public enum LineSuppression: Hashable, Sendable {
  /// `# asyncfix: ignore` or a bare `# noqa`: every code.
  case all
  /// `# asyncfix: ignore[AF102, AF103]` or `# noqa: AF102,AF103`.
  case codes(Set<String>)

  public func suppresses(_ code: String) -> Bool {
    switch self {
    case .all: true
    case .codes(let codes): codes.contains(code)
    }
  }

  func merged(with other: LineSuppression) -> LineSuppression {
    switch (self, other) {
    case (.codes(let left), .codes(let right)): .codes(left.union(right))
    default: .all
    }
  }
}

/// The suppression comments of one file (DESIGN §3), found by scanning its comment trivia once.
///
/// Only real comments count: the scan reads the trivia between tokens, so `# noqa` written inside
/// a string literal suppresses nothing. A finding is suppressed by a comment on the line where it
/// starts or on the first line of the innermost statement holding its start (so a comment on
/// `time.sleep(1)  # noqa: AF102` also covers an argument list continued on later lines, and one
/// on a `while True:` header covers a finding reported at the header).
///
/// Recognised forms (anywhere in a comment, each after a `#`): `asyncfix: ignore`,
/// `asyncfix: ignore[CODE, …]`, `noqa`, `noqa: CODE,…` (codes separated by commas and/or
/// spaces; a bare `noqa` suppresses every code, as in flake8 and ruff), and the file-level
/// `asyncfix: skip-file`. A malformed list (`ignore[AF102` with no `]`) suppresses nothing, so
/// a typo never hides more than was asked.
public struct SuppressionIndex: @unchecked Sendable {
  public let tree: SyntaxTree
  /// Whether a comment says `asyncfix: skip-file`: then every finding is suppressed.
  public let skipsFile: Bool
  /// Suppressions by 1-based line.
  public let lines: [Int: LineSuppression]

  public init(tree: SyntaxTree) {
    self.tree = tree
    var skipsFile = false
    var lines: [Int: LineSuppression] = [:]
    Self.forEachComment(in: tree) { range in
      let directives = SuppressionComment.parse(tree.source.bytes[Int(range.lowerBound)..<Int(range.upperBound)])
      if directives.skipsFile { skipsFile = true }
      if let suppression = directives.suppression {
        let line = tree.source.line(of: range.lowerBound)
        lines[line] = lines[line].map { $0.merged(with: suppression) } ?? suppression
      }
    }
    self.skipsFile = skipsFile
    self.lines = lines
  }

  /// Whether `finding` (made on this tree's source) is suppressed.
  public func suppresses(_ finding: Finding) -> Bool {
    if skipsFile { return true }
    if lines.isEmpty { return false }
    if lines[finding.start.line]?.suppresses(finding.code) == true { return true }
    guard let statement = tree.innermostStatement(containing: finding.range.lowerBound) else { return false }
    let statementLine = tree.source.line(of: statement.textRange.lowerBound)
    return statementLine != finding.start.line && lines[statementLine]?.suppresses(finding.code) == true
  }

  /// The findings that are not suppressed, in their order.
  public func unsuppressed(_ findings: [Finding]) -> [Finding] {
    if skipsFile { return [] }
    if lines.isEmpty { return findings }
    return findings.filter { !suppresses($0) }
  }

  /// Calls `body` with the byte range of every comment in the file (from `#` to the line break).
  static func forEachComment(in tree: SyntaxTree, _ body: (Range<UInt32>) -> Void) {
    let tokens = tree.tokens
    let bytes = tree.source.bytes
    // Trivia is everything outside token texts; the token table tiles the file.
    var triviaStart = 0
    for index in 0...tokens.count {
      let triviaEnd = index < tokens.count ? Int(tokens.textStarts[index]) : bytes.count
      var offset = triviaStart
      while offset < triviaEnd {
        if bytes[offset] == UInt8(ascii: "#") {
          let start = offset
          while offset < triviaEnd && bytes[offset] != UInt8(ascii: "\n") && bytes[offset] != UInt8(ascii: "\r") {
            offset += 1
          }
          body(UInt32(start)..<UInt32(offset))
        } else {
          offset += 1
        }
      }
      if index < tokens.count { triviaStart = Int(tokens.textEnds[index]) }
    }
  }
}

/// The directives found in one comment.
struct SuppressionComment: Equatable {
  var skipsFile = false
  var suppression: LineSuppression?

  /// Reads `comment` (the bytes from `#` up to the line break).
  static func parse(_ comment: ArraySlice<UInt8>) -> SuppressionComment {
    var result = SuppressionComment()
    let text = Array(comment.lazy.map(asciiLowercased))
    var index = 0
    while index < text.count {
      guard text[index] == UInt8(ascii: "#") else {
        index += 1
        continue
      }
      index += 1
      var cursor = skipSpaces(text, from: index)
      if matches(text, "asyncfix", at: cursor) {
        cursor = skipSpaces(text, from: cursor + 8)
        guard cursor < text.count, text[cursor] == UInt8(ascii: ":") else { continue }
        cursor = skipSpaces(text, from: cursor + 1)
        if matches(text, "skip-file", at: cursor) && endsWord(text, at: cursor + 9) {
          result.skipsFile = true
        } else if matches(text, "ignore", at: cursor) {
          cursor += 6
          let bracket = skipSpaces(text, from: cursor)
          if bracket < text.count && text[bracket] == UInt8(ascii: "[") {
            guard let close = text[bracket...].firstIndex(of: UInt8(ascii: "]")) else { continue }
            let codes = codeList(comment, from: bracket + 1, to: close)
            if !codes.isEmpty { result.add(.codes(codes)) }
          } else if endsWord(text, at: cursor) {
            result.add(.all)
          }
        }
      } else if matches(text, "noqa", at: cursor) && endsWord(text, at: cursor + 4, allowing: UInt8(ascii: ":")) {
        cursor += 4
        if cursor < text.count && text[cursor] == UInt8(ascii: ":") {
          let end = text[cursor...].dropFirst().firstIndex(of: UInt8(ascii: "#")) ?? text.count
          let codes = codeList(comment, from: cursor + 1, to: end)
          result.add(codes.isEmpty ? .all : .codes(codes))
        } else {
          result.add(.all)
        }
      }
    }
    return result
  }

  private mutating func add(_ suppression: LineSuppression) {
    self.suppression = self.suppression.map { $0.merged(with: suppression) } ?? suppression
  }

  /// The codes (letters then digits, e.g. `AF102`) at the start of `comment[from..<to]`,
  /// separated by commas and whitespace; reading stops at the first word that is not a code
  /// (`# noqa: AF102 explained here` suppresses AF102 only).
  private static func codeList(_ comment: ArraySlice<UInt8>, from start: Int, to end: Int) -> Set<String> {
    var codes: Set<String> = []
    let base = comment.startIndex
    var index = start
    while index < end {
      let byte = comment[base + index]
      if byte == UInt8(ascii: ",") || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
        index += 1
        continue
      }
      let wordStart = index
      while index < end && isLetter(comment[base + index]) { index += 1 }
      let digitsStart = index
      while index < end && isDigit(comment[base + index]) { index += 1 }
      let wordEnd = index
      let separated = index == end || [UInt8(ascii: ","), UInt8(ascii: " "), UInt8(ascii: "\t")].contains(comment[base + index])
      guard digitsStart > wordStart, wordEnd > digitsStart, separated else { break }
      codes.insert(String(decoding: comment[(base + wordStart)..<(base + wordEnd)].map(asciiUppercased), as: UTF8.self))
    }
    return codes
  }

  private static func matches(_ text: [UInt8], _ word: StaticString, at index: Int) -> Bool {
    let count = word.utf8CodeUnitCount
    guard index + count <= text.count else { return false }
    return word.withUTF8Buffer { expected in
      (0..<count).allSatisfy { text[index + $0] == expected[$0] }
    }
  }

  /// Whether a word ends at `index`: end of comment, whitespace, `#`, or `allowed`.
  private static func endsWord(_ text: [UInt8], at index: Int, allowing allowed: UInt8? = nil) -> Bool {
    guard index < text.count else { return true }
    let byte = text[index]
    return byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "#") || byte == allowed
  }

  private static func skipSpaces(_ text: [UInt8], from index: Int) -> Int {
    var index = index
    while index < text.count && (text[index] == UInt8(ascii: " ") || text[index] == UInt8(ascii: "\t")) { index += 1 }
    return index
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
  }

  private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

  private static func asciiLowercased(_ byte: UInt8) -> UInt8 {
    (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
  }

  private static func asciiUppercased(_ byte: UInt8) -> UInt8 {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) ? byte - 32 : byte
  }
}

extension SyntaxTree {
  /// The innermost statement whose tokens hold byte `offset` (an offset in trivia belongs to the
  /// token the trivia leads or trails), or `nil` when it lies outside every statement.
  public func innermostStatement(containing offset: UInt32) -> SyntaxNode? {
    guard tokens.count > 0 else { return nil }
    // The last token whose leading trivia starts at or before `offset`; zero-width layout
    // tokens share their start with the next real token, which wins by coming last.
    var low = 0
    var high = tokens.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if tokens.leadingStarts[middle] <= offset { low = middle } else { high = middle - 1 }
    }
    let token = UInt32(low)
    var node = root
    var statement: SyntaxNode?
    descending: while true {
      for child in node.children where child.firstToken <= token && token < child.endToken {
        node = child
        if child.kind.isStatement { statement = child }
        continue descending
      }
      return statement
    }
  }
}
