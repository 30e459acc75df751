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
      var index = 0
      while let found = find(text, "def", from: index) {
        index = found + 3
        // A whole word `def` followed by blanks and a name.
        guard found == 0 || !isIdentifierByte(text[found - 1]), index < text.count,
          text[index] == UInt8(ascii: " ") || text[index] == UInt8(ascii: "\t")
        else { continue }
        var start = index
        while start < text.count, text[start] == UInt8(ascii: " ") || text[start] == UInt8(ascii: "\t") { start += 1 }
        var end = start
        while end < text.count, isIdentifierByte(text[end]) { end += 1 }
        guard end > start else { continue }
        // A class whose instances are awaited: `__await__` makes them awaitable anywhere, and
        // an `__iter__` that yields in MicroPython (which awaits by iterating). The class's name
        // is what a call spells; `__await__` itself is looked up in bases.
        if spells(text, start..<end, "__await__") {
          names.coroutines.insert(UnsafeBufferPointer(rebasing: text[start..<end]))
          if let owner = enclosingClassName(text, definitionAt: found) { names.coroutines.insert(owner) }
        } else if hasYield, spells(text, start..<end, "__iter__"),
          let owner = enclosingClassName(text, definitionAt: found)
        {
          names.generators.insert(owner)
        }
        if followsAsync(text, found) {
          names.coroutines.insert(UnsafeBufferPointer(rebasing: text[start..<end]))
        } else if hasYield {
          names.generators.insert(UnsafeBufferPointer(rebasing: text[start..<end]))
        }
      }
    }
    return names
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

  /// The name of the `class` whose body holds the `def` at `position`: the nearest line above
  /// it indented less, when that line starts a class. `nil` otherwise (a def in a function, or
  /// bytes a line-based reading misjudges, such as a string running over several lines: then
  /// the class is not found by name, which only loses a finding).
  private static func enclosingClassName(_ text: UnsafeBufferPointer<UInt8>, definitionAt position: Int)
    -> UnsafeBufferPointer<UInt8>?
  {
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
    guard defIndent > 0 else { return nil }
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
      let keyword: StaticString = "class"
      guard first + 6 <= text.count, spells(text, first..<first + 5, keyword),
        text[first + 5] == UInt8(ascii: " ") || text[first + 5] == UInt8(ascii: "\t")
      else { return nil }
      var start = first + 5
      while start < text.count, text[start] == UInt8(ascii: " ") || text[start] == UInt8(ascii: "\t") { start += 1 }
      var end = start
      while end < text.count, isIdentifierByte(text[end]) { end += 1 }
      return end > start ? UnsafeBufferPointer(rebasing: text[start..<end]) : nil
    }
    return nil
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
