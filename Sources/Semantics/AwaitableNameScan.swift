#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

import PythonSyntax

/// The names a file may define as awaitable functions, read off its bytes without parsing: the
/// project index's filter (`ProjectIndex.mayDefineAwaitable`) that spares a rule every lookup
/// for a called name no module defines as a coroutine.
///
/// A superset of what the module summaries would list: the name after every `async def`, and
/// in a file that holds `yield` anywhere, the name after every `def` (a generator function is
/// awaitable in MicroPython). Text in strings and comments may add names; that only costs a
/// lookup, never a finding, since the lookup reads the real summary.
public enum AwaitableNameScan {
  /// Names after `async def`, and names after `def` in a file that yields (kept apart: only
  /// MicroPython awaits generator functions).
  public struct Candidates: Sendable {
    public var coroutines = IdentifierSet()
    public var generators = IdentifierSet()

    public init() {}
  }

  public static func candidates(in bytes: [UInt8]) -> Candidates {
    let hasYield = contains(bytes, "yield")
    var names = Candidates()
    bytes.withUnsafeBufferPointer { text in
      // Set when a class's `__await__`/`__iter__` has no owner the line reading finds (a class
      // header over several lines, a def under an `if`): then every class of the file counts.
      var everyClassAwaits = false
      var everyClassIterates = false
      forEachName(after: "def", in: text) { found, start, end in
        // A class whose instances are awaited: `__await__` makes them awaitable anywhere, and
        // an `__iter__` that yields in MicroPython (which awaits by iterating). The class's name
        // is what a call spells; `__await__` itself is looked up in bases.
        if spells(text, start..<end, "__await__") {
          names.coroutines.insert(UnsafeBufferPointer(rebasing: text[start..<end]))
          switch owner(ofDefinitionAt: found, in: text) {
          case .class(let owner): names.coroutines.insert(owner)
          case .unknown: everyClassAwaits = true
          case .none: break
          }
        } else if hasYield, spells(text, start..<end, "__iter__") {
          switch owner(ofDefinitionAt: found, in: text) {
          case .class(let owner): names.generators.insert(owner)
          case .unknown: everyClassIterates = true
          case .none: break
          }
        }
        if followsAsync(text, found) {
          names.coroutines.insert(UnsafeBufferPointer(rebasing: text[start..<end]))
        } else if hasYield {
          names.generators.insert(UnsafeBufferPointer(rebasing: text[start..<end]))
        }
      }
      if everyClassAwaits || everyClassIterates {
        forEachName(after: "class", in: text) { _, start, end in
          let name = UnsafeBufferPointer(rebasing: text[start..<end])
          if everyClassAwaits { names.coroutines.insert(name) }
          if everyClassIterates { names.generators.insert(name) }
        }
      }
    }
    return names
  }

  /// Calls `body` with the position of each whole word `keyword` followed by blanks and a name,
  /// and that name's range.
  private static func forEachName(
    after keyword: StaticString, in text: UnsafeBufferPointer<UInt8>, _ body: (Int, Int, Int) -> Void
  ) {
    var index = 0
    while let found = find(text, keyword, from: index) {
      index = found + keyword.utf8CodeUnitCount
      guard found == 0 || !isIdentifierByte(text[found - 1]), index < text.count,
        text[index] == UInt8(ascii: " ") || text[index] == UInt8(ascii: "\t")
      else { continue }
      var start = index
      while start < text.count, text[start] == UInt8(ascii: " ") || text[start] == UInt8(ascii: "\t") { start += 1 }
      var end = start
      while end < text.count, isIdentifierByte(text[end]) { end += 1 }
      if end > start { body(found, start, end) }
    }
  }

  private static func spells(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ word: StaticString) -> Bool {
    guard range.count == word.utf8CodeUnitCount else { return false }
    var offset = 0
    while offset < range.count {
      if text[range.lowerBound + offset] != word.utf8Start[offset] { return false }
      offset += 1
    }
    return true
  }

  /// What holds a `def`, as far as reading lines can tell.
  private enum Owner {
    /// The class of this name.
    case `class`(UnsafeBufferPointer<UInt8>)
    /// No class: the def is at the left margin or directly in a function's body.
    case none
    /// Anything else (a class header over several lines, an `if` in a class body, a string
    /// running over lines): it may be in any class.
    case unknown
  }

  /// What holds the `def` at `position`: the nearest line above it indented less, a `class`
  /// header or a `def` one; `.unknown` for any other line.
  private static func owner(ofDefinitionAt position: Int, in text: UnsafeBufferPointer<UInt8>) -> Owner {
    func lineStart(before index: Int) -> Int {
      var start = index
      while start > 0 && text[start - 1] != UInt8(ascii: "\n") { start -= 1 }
      return start
    }
    func indentation(at start: Int) -> Int {
      var end = start
      while end < text.count, text[end] == UInt8(ascii: " ") || text[end] == UInt8(ascii: "\t") { end += 1 }
      return end - start
    }
    let defLine = lineStart(before: position)
    let defIndent = indentation(at: defLine)
    guard defIndent > 0 else { return .none }
    var line = defLine
    while line > 0 {
      line = lineStart(before: line - 1)
      let first = line + indentation(at: line)
      // Blank and comment lines, and lines of the body itself, say nothing.
      if first >= text.count || text[first] == UInt8(ascii: "\n") || text[first] == UInt8(ascii: "\r")
        || text[first] == UInt8(ascii: "#") || first - line >= defIndent
      {
        continue
      }
      func startsWith(_ keyword: StaticString) -> Bool {
        let end = first + keyword.utf8CodeUnitCount
        return end < text.count && spells(text, first..<end, keyword)
          && (text[end] == UInt8(ascii: " ") || text[end] == UInt8(ascii: "\t"))
      }
      if startsWith("def") || startsWith("async") { return .none }
      guard startsWith("class") else { return .unknown }
      var start = first + 5
      while start < text.count, text[start] == UInt8(ascii: " ") || text[start] == UInt8(ascii: "\t") { start += 1 }
      var end = start
      while end < text.count, isIdentifierByte(text[end]) { end += 1 }
      return end > start ? .class(UnsafeBufferPointer(rebasing: text[start..<end])) : .unknown
    }
    return .unknown
  }

  /// Whether the word before the `def` at `position` is `async`.
  private static func followsAsync(_ text: UnsafeBufferPointer<UInt8>, _ position: Int) -> Bool {
    var end = position
    while end > 0, text[end - 1] == UInt8(ascii: " ") || text[end - 1] == UInt8(ascii: "\t") { end -= 1 }
    guard end >= 5, end < position else { return false }
    let word: StaticString = "async"
    for offset in 0..<5 where text[end - 5 + offset] != word.utf8Start[offset] { return false }
    return end == 5 || !isIdentifierByte(text[end - 6])
  }

  private static func isIdentifierByte(_ byte: UInt8) -> Bool {
    byte >= 0x80 || byte == UInt8(ascii: "_") || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
      || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
  }

  private static func contains(_ bytes: [UInt8], _ word: StaticString) -> Bool {
    bytes.withUnsafeBufferPointer { find($0, word, from: 0) != nil }
  }

  /// The first `word` in `text` at or after `start`, jumping between candidates with libc's
  /// `memchr` (the scan runs over every byte of every file of the run, so it must cost next to
  /// nothing).
  private static func find(_ text: UnsafeBufferPointer<UInt8>, _ word: StaticString, from start: Int) -> Int? {
    guard let base = text.baseAddress else { return nil }
    let pattern = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
    let last = text.count - pattern.count
    var index = start
    while index <= last {
      guard let hit = memchr(base + index, Int32(pattern[0]), last - index + 1) else { return nil }
      let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
      var matched = true
      for offset in 1..<pattern.count where text[position + offset] != pattern[offset] {
        matched = false
        break
      }
      if matched { return position }
      index = position + 1
    }
    return nil
  }
}
