/// Where keys are written in a TOML file, found by scanning its text, so that an error can name
/// the line of the key or value it is about (TOMLKit reports positions for syntax errors only).
///
/// The scan recognises the lines that give TOML its structure: table headers (`[a.b]`,
/// `[[a.b]]`) and key/value lines (`key = …`, `a."b c".d = …`, bare or quoted keys), each with
/// its full dotted path. What lies inside a value (multi-line arrays, inline tables) is searched
/// as text for a needle: a string value or a key. Lines inside multi-line strings are skipped.
/// It runs only on a file already known to be valid TOML, so it can afford to be simple.
struct ConfigurationSourceMap {
  /// What to look for inside a value.
  enum Needle: Hashable {
    /// A string value, written with either kind of quotes: `"AF9"` or `'AF9'`.
    case string(String)
    /// A key followed by `=`, bare or quoted.
    case key(String)
  }

  /// A header or key/value line: its full key path and 1-based line number.
  private struct Entry {
    var path: [String]
    var line: Int
  }

  private let lines: [Substring]
  private var entries: [Entry] = []

  init(text: String) {
    // "\r\n" is one Character in Swift, so it must be named as a separator of its own.
    var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
    if lines[0].first == "\u{FEFF}" { lines[0] = lines[0].dropFirst() }
    self.lines = lines
    var table: [String] = []
    var openString: Substring?
    for (index, line) in lines.enumerated() {
      if let delimiter = openString {
        if line.count(of: delimiter) % 2 == 1 { openString = nil }
        continue
      }
      var scanner = KeyScanner(line)
      scanner.skipSpaces()
      if scanner.eat("[") {
        _ = scanner.eat("[")
        guard let header = scanner.dottedKey() else { continue }
        table = header
        entries.append(Entry(path: header, line: index + 1))
      } else if let key = scanner.dottedKey() {
        scanner.skipSpaces()
        guard scanner.eat("=") else { continue }
        entries.append(Entry(path: table + key, line: index + 1))
        let rest = scanner.remainder
        for delimiter: Substring in ["\"\"\"", "'''"] where rest.count(of: delimiter) % 2 == 1 {
          openString = delimiter
          break
        }
      }
    }
  }

  /// The best line for an error about `path`: where it is defined, refined to the line holding
  /// `needle` within its value. When `path` is not written as a key of its own (it sits inside an
  /// inline table), the innermost enclosing key is searched for the path's last key.
  func line(of path: [String], needle: Needle? = nil) -> Int? {
    for length in stride(from: path.count, through: 1, by: -1) {
      let prefix = Array(path.prefix(length))
      guard let first = entries.firstIndex(where: { $0.path.starts(with: prefix) }) else { continue }
      // The value extends to the next structural line outside `prefix`.
      let end = entries[(first + 1)...].first { !$0.path.starts(with: prefix) }?.line ?? lines.count + 1
      let start = entries[first].line
      let search = needle ?? (length < path.count ? .key(path[path.count - 1]) : nil)
      if let search, let found = (start..<end).first(where: { contains(lines[$0 - 1], search) }) {
        return found
      }
      return start
    }
    if let needle { return lines.indices.first { contains(lines[$0], needle) }.map { $0 + 1 } }
    return nil
  }

  private func contains(_ line: Substring, _ needle: Needle) -> Bool {
    switch needle {
    case .string(let value):
      return line.contains("\"\(value)\"") || line.contains("'\(value)'")
    case .key(let key):
      for written in [key, "\"\(key)\"", "'\(key)'"] {
        var searchStart = line.startIndex
        while let range = line[searchStart...].firstRange(of: written) {
          let before = range.lowerBound == line.startIndex ? nil : line[line.index(before: range.lowerBound)]
          var after = line[range.upperBound...].drop { $0 == " " || $0 == "\t" }
          if before.map(KeyScanner.isBareKeyCharacter) != true, after.first == "=" {
            after = after.dropFirst()
            if after.first != "=" { return true }
          }
          searchStart = range.upperBound
        }
      }
      return false
    }
  }
}

/// Reads TOML keys from the start of a line.
private struct KeyScanner {
  private var text: Substring

  init(_ text: Substring) { self.text = text }

  var remainder: Substring { text }

  static func isBareKeyCharacter(_ character: Character) -> Bool {
    character.isASCII && (character.isLetter || character.isNumber || character == "_" || character == "-")
  }

  mutating func skipSpaces() {
    text = text.drop { $0 == " " || $0 == "\t" }
  }

  mutating func eat(_ character: Character) -> Bool {
    guard text.first == character else { return false }
    text.removeFirst()
    return true
  }

  /// `a.b."c d".'e'`, with spaces around the dots; `nil` when no key starts here.
  mutating func dottedKey() -> [String]? {
    var keys: [String] = []
    repeat {
      skipSpaces()
      guard let key = simpleKey() else { return nil }
      keys.append(key)
      skipSpaces()
    } while eat(".")
    return keys
  }

  private mutating func simpleKey() -> String? {
    if eat("\"") {
      var key = ""
      while let character = text.popFirst() {
        if character == "\"" { return key }
        if character == "\\", let escaped = text.popFirst() {
          // Good enough for locating keys: `\"` and `\\` are what keys contain in practice.
          key.append(escaped)
        } else {
          key.append(character)
        }
      }
      return nil
    }
    if eat("'") {
      guard let close = text.firstIndex(of: "'") else { return nil }
      let key = String(text[..<close])
      text = text[text.index(after: close)...]
      return key
    }
    let bare = text.prefix(while: Self.isBareKeyCharacter)
    if bare.isEmpty { return nil }
    text = text.dropFirst(bare.count)
    return String(bare)
  }
}

extension Substring {
  /// Non-overlapping occurrences of `needle`.
  fileprivate func count(of needle: Substring) -> Int {
    var count = 0
    var rest = self[...]
    while let range = rest.firstRange(of: needle) {
      count += 1
      rest = rest[range.upperBound...]
    }
    return count
  }
}
