/// One line of a `.gitignore` file, compiled for matching against paths split into components.
///
/// Supported: `#` comments, blank lines, `!` negation, `\` escapes (`\#`, `\!`, `\ `), a trailing
/// `/` for directories only, a leading or inner `/` anchoring the pattern to the file's directory,
/// `*`, `?`, `[…]` classes (with `!`/`^` negation and ranges), and `**` as a whole component:
/// `**/x` (any depth), `x/**` (everything inside), `a/**/b` (zero or more directories between).
struct GitignorePattern: Hashable, Sendable {
  /// The pattern's components; `**` is kept as a component of its own.
  var components: [[UInt8]]
  /// A `!pattern` that re-includes what an earlier pattern excluded.
  var isNegated: Bool
  /// A `pattern/` that only matches directories.
  var matchesDirectoriesOnly: Bool
  /// Whether the pattern is matched against the whole relative path (it has a `/` before its
  /// end) or against the last component at any depth.
  var isAnchored: Bool

  /// Compiles one line; `nil` for blank lines, comments and patterns that can match nothing.
  init?(line rawLine: ArraySlice<UInt8>) {
    var line = Array(rawLine)
    if line.last == UInt8(ascii: "\r") { line.removeLast() }
    // Trailing spaces are dropped unless escaped with a backslash.
    while line.last == UInt8(ascii: " ") {
      if line.count >= 2 && line[line.count - 2] == UInt8(ascii: "\\") { break }
      line.removeLast()
    }
    guard let first = line.first, first != UInt8(ascii: "#") else { return nil }
    isNegated = first == UInt8(ascii: "!")
    if isNegated { line.removeFirst() }
    matchesDirectoriesOnly = line.last == UInt8(ascii: "/")
    while line.last == UInt8(ascii: "/") { line.removeLast() }
    isAnchored = line.contains(UInt8(ascii: "/"))
    components = line.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true).map(Array.init)
    if components.isEmpty { return nil }
  }

  /// Whether the pattern matches `path`, given as components relative to the `.gitignore`'s directory.
  func matches(_ path: [Substring], isDirectory: Bool) -> Bool {
    if matchesDirectoriesOnly && !isDirectory { return false }
    guard let last = path.last else { return false }
    if !isAnchored {
      return Self.glob(components[0][...], Array(last.utf8)[...])
    }
    return Self.match(components[...], path.map { Array($0.utf8) }[...])
  }

  private static let doubleStar: [UInt8] = Array("**".utf8)

  /// Matches pattern components against path components, `**` standing for any number of them
  /// (at least one when it ends the pattern: `dir/**` matches what is inside `dir`, not `dir`).
  private static func match(_ pattern: ArraySlice<[UInt8]>, _ path: ArraySlice<[UInt8]>) -> Bool {
    guard let head = pattern.first else { return path.isEmpty }
    if head == doubleStar {
      let rest = pattern.dropFirst()
      if rest.isEmpty { return !path.isEmpty }
      var remaining = path
      while true {
        if match(rest, remaining) { return true }
        if remaining.isEmpty { return false }
        remaining = remaining.dropFirst()
      }
    }
    guard let component = path.first, glob(head[...], component[...]) else { return false }
    return match(pattern.dropFirst(), path.dropFirst())
  }

  /// fnmatch-style matching of one component: `*`, `?`, `[…]`, `\x`.
  static func glob(_ pattern: ArraySlice<UInt8>, _ text: ArraySlice<UInt8>) -> Bool {
    var p = pattern.startIndex
    var t = text.startIndex
    // Where to resume after the last `*`: pattern index after it and the text index it now covers.
    var starPattern: Int?
    var starText = 0
    while t < text.endIndex {
      if p < pattern.endIndex {
        let byte = pattern[p]
        if byte == UInt8(ascii: "*") {
          while p < pattern.endIndex && pattern[p] == UInt8(ascii: "*") { p += 1 }
          starPattern = p
          starText = t
          continue
        }
        if byte == UInt8(ascii: "?") {
          p += 1
          t += 1
          continue
        }
        if byte == UInt8(ascii: "["), let (matched, next) = matchClass(pattern, from: p, byte: text[t]) {
          if matched {
            p = next
            t += 1
            continue
          }
        } else {
          var literal = byte
          var next = p + 1
          if byte == UInt8(ascii: "\\") && p + 1 < pattern.endIndex {
            literal = pattern[p + 1]
            next = p + 2
          }
          if literal == text[t] {
            p = next
            t += 1
            continue
          }
        }
      }
      // Mismatch: let the last `*` swallow one more byte, or fail.
      guard let resume = starPattern else { return false }
      starText += 1
      p = resume
      t = starText
    }
    while p < pattern.endIndex && pattern[p] == UInt8(ascii: "*") { p += 1 }
    return p == pattern.endIndex
  }

  /// Matches `byte` against the class starting at `start` (a `[`); returns whether it matched and
  /// the index after `]`, or `nil` when the class is unterminated (then `[` is a literal).
  private static func matchClass(_ pattern: ArraySlice<UInt8>, from start: Int, byte: UInt8) -> (Bool, Int)? {
    var index = start + 1
    var negated = false
    if index < pattern.endIndex && (pattern[index] == UInt8(ascii: "!") || pattern[index] == UInt8(ascii: "^")) {
      negated = true
      index += 1
    }
    var matched = false
    var first = true
    while index < pattern.endIndex {
      var low = pattern[index]
      if low == UInt8(ascii: "]") && !first { return (matched != negated, index + 1) }
      first = false
      if low == UInt8(ascii: "\\") && index + 1 < pattern.endIndex {
        index += 1
        low = pattern[index]
      }
      var high = low
      let isRange = index + 2 < pattern.endIndex && pattern[index + 1] == UInt8(ascii: "-")
      if isRange && pattern[index + 2] != UInt8(ascii: "]") {
        high = pattern[index + 2]
        index += 2
      }
      if low <= byte && byte <= high { matched = true }
      index += 1
    }
    return nil
  }
}
