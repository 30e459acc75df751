/// A unified diff of one file's old and new bytes (DESIGN §5 `diff`), as `git diff` and GNU
/// `diff -u` write it, so that `git apply` and `patch -p1` accept it.
///
/// Works on bytes, never on decoded text: lines are split after each `\n` and keep their line
/// breaks, so a CRLF file gives `-line\r\n` / `+line\r\n` lines that apply back exactly, and a
/// file in any encoding round-trips. A lone `\r` is not a line break here: `patch` and `git`
/// do not treat it as one, so a CR-only file is one long line to them and to us. A last line
/// without a line break is followed by `\ No newline at end of file`.
///
/// The line matching is Myers' O((N+M)·D) algorithm in its linear-space form (the middle-snake
/// recursion), after trimming the common head and tail, so a small fix in a large file costs
/// little time and memory.
public enum UnifiedDiff {
  /// The diff turning `old` into `new`, with `--- a/PATH` and `+++ b/PATH` headers and
  /// `context` lines of context; empty when the two are equal.
  public static func diff(old: [UInt8], new: [UInt8], path: String, context: Int = 3) -> [UInt8] {
    diff(old: old, new: new, oldLabel: "a/" + path, newLabel: "b/" + path, context: context)
  }

  /// The diff with explicit header labels (what follows `--- ` and `+++ `).
  public static func diff(old: [UInt8], new: [UInt8], oldLabel: String, newLabel: String, context: Int = 3) -> [UInt8] {
    if old == new { return [] }
    let hunks = self.hunks(old: old, new: new, context: context)
    if hunks.isEmpty { return [] }
    var output = Array("--- ".utf8) + headerName(oldLabel) + Array("\n+++ ".utf8) + headerName(newLabel) + [0x0A]
    for hunk in hunks { output += hunk }
    return output
  }

  /// A file name as `git diff` writes it in `---`/`+++` lines, which `git apply` and GNU
  /// `patch` both read back: C-quoted when it holds a quote, a backslash or a control
  /// character; followed by a tab when it holds a space (else the space would end the name).
  static func headerName(_ name: String) -> [UInt8] {
    let bytes = Array(name.utf8)
    let needsQuotes = bytes.contains { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
    guard needsQuotes else { return bytes.contains(UInt8(ascii: " ")) ? bytes + [0x09] : bytes }
    var quoted: [UInt8] = [UInt8(ascii: "\"")]
    for byte in bytes {
      switch byte {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"): quoted += [UInt8(ascii: "\\"), byte]
      case 0x09: quoted += Array("\\t".utf8)
      case 0x0A: quoted += Array("\\n".utf8)
      case 0x00..<0x20, 0x7F: quoted += Array("\\".utf8) + Array(String(byte, radix: 8).leftPadded(to: 3).utf8)
      default: quoted.append(byte)
      }
    }
    return quoted + [UInt8(ascii: "\"")]
  }

  /// The hunks alone (`@@ … @@` and their lines), for reports that show one fix at a time.
  public static func hunks(old: [UInt8], new: [UInt8], context: Int = 3) -> [[UInt8]] {
    let oldLines = lines(of: old)
    let newLines = lines(of: new)
    let (oldIDs, newIDs) = lineIdentifiers(oldLines, newLines)
    var matcher = LineMatcher(old: oldIDs, new: newIDs)
    matcher.compare(oldRange: 0..<oldIDs.count, newRange: 0..<newIDs.count)
    let operations = DiffOperation.script(oldChanged: matcher.oldChanged, newChanged: matcher.newChanged)
    return groups(of: operations, context: max(0, context)).map { group in
      render(operations[group], oldLines: oldLines, newLines: newLines)
    }
  }

  // MARK: Lines

  /// The lines of `bytes`, each with its `\n` (the last one may lack it).
  static func lines(of bytes: [UInt8]) -> [ArraySlice<UInt8>] {
    var lines: [ArraySlice<UInt8>] = []
    var start = 0
    for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
      lines.append(bytes[start...index])
      start = index + 1
    }
    if start < bytes.count { lines.append(bytes[start...]) }
    return lines
  }

  /// Small integers standing for the lines, equal exactly when the lines' bytes are.
  private static func lineIdentifiers(
    _ old: [ArraySlice<UInt8>], _ new: [ArraySlice<UInt8>]
  ) -> ([Int], [Int]) {
    var table: [ArraySlice<UInt8>: Int] = [:]
    func identifier(_ line: ArraySlice<UInt8>) -> Int {
      if let known = table[line] { return known }
      let next = table.count
      table[line] = next
      return next
    }
    return (old.map(identifier), new.map(identifier))
  }

  // MARK: Hunks

  /// Ranges of `operations` forming hunks: each change with up to `context` unchanged lines
  /// around it, changes closer than `2 * context` lines sharing a hunk.
  private static func groups(of operations: [DiffOperation], context: Int) -> [Range<Int>] {
    var groups: [Range<Int>] = []
    var index = 0
    while index < operations.count {
      guard operations[index].kind != .equal else {
        index += 1
        continue
      }
      let start = max(0, index - context)
      var end = index
      // Extend over changes and short unchanged runs.
      while end < operations.count {
        if operations[end].kind != .equal {
          end += 1
          continue
        }
        var run = end
        while run < operations.count && operations[run].kind == .equal { run += 1 }
        if run < operations.count && run - end <= 2 * context {
          end = run
        } else {
          break
        }
      }
      let stop = min(operations.count, end + context)
      if let last = groups.last, last.upperBound >= start {
        groups[groups.count - 1] = last.lowerBound..<stop
      } else {
        groups.append(start..<stop)
      }
      index = stop
    }
    return groups
  }

  private static func render(
    _ operations: ArraySlice<DiffOperation>, oldLines: [ArraySlice<UInt8>], newLines: [ArraySlice<UInt8>]
  ) -> [UInt8] {
    let first = operations.first!
    let oldCount = operations.count { $0.kind != .insert }
    let newCount = operations.count { $0.kind != .delete }
    var output = Array("@@ -\(range(first.oldIndex, oldCount)) +\(range(first.newIndex, newCount)) @@\n".utf8)
    for operation in operations {
      switch operation.kind {
      case .equal: append(" ", oldLines[operation.oldIndex], to: &output)
      case .delete: append("-", oldLines[operation.oldIndex], to: &output)
      case .insert: append("+", newLines[operation.newIndex], to: &output)
      }
    }
    return output
  }

  /// `start,count` as hunk headers write it: 1-based start, `,count` left out when it is 1, and
  /// for an empty range the line before it (0 at the top of the file).
  private static func range(_ index: Int, _ count: Int) -> String {
    switch count {
    case 0: "\(index),0"
    case 1: "\(index + 1)"
    default: "\(index + 1),\(count)"
    }
  }

  private static func append(_ prefix: Character, _ line: ArraySlice<UInt8>, to output: inout [UInt8]) {
    output.append(prefix.asciiValue!)
    output += line
    if line.last != UInt8(ascii: "\n") {
      output += Array("\n\\ No newline at end of file\n".utf8)
    }
  }
}

/// One line of the edit script: kept, deleted from the old file, or inserted from the new one,
/// with the positions in both files where it happens.
struct DiffOperation: Equatable {
  enum Kind: Equatable { case equal, delete, insert }

  var kind: Kind
  /// The old line (for `equal`/`delete`), or the number of old lines before this point.
  var oldIndex: Int
  /// The new line (for `equal`/`insert`), or the number of new lines before this point.
  var newIndex: Int

  /// The edit script from the changed-line marks: deletions before insertions in each change.
  static func script(oldChanged: [Bool], newChanged: [Bool]) -> [DiffOperation] {
    var operations: [DiffOperation] = []
    var old = 0
    var new = 0
    while old < oldChanged.count || new < newChanged.count {
      if old < oldChanged.count && oldChanged[old] {
        operations.append(DiffOperation(kind: .delete, oldIndex: old, newIndex: new))
        old += 1
      } else if new < newChanged.count && newChanged[new] {
        operations.append(DiffOperation(kind: .insert, oldIndex: old, newIndex: new))
        new += 1
      } else {
        operations.append(DiffOperation(kind: .equal, oldIndex: old, newIndex: new))
        old += 1
        new += 1
      }
    }
    return operations
  }
}

/// Myers' diff in linear space: marks the lines of each side that are not part of a longest
/// common subsequence.
struct LineMatcher {
  let old: [Int]
  let new: [Int]
  var oldChanged: [Bool]
  var newChanged: [Bool]
  /// Furthest-reaching x per diagonal, forward and backward (reused across recursion levels).
  private var forward: [Int] = []
  private var backward: [Int] = []

  init(old: [Int], new: [Int]) {
    self.old = old
    self.new = new
    oldChanged = Array(repeating: false, count: old.count)
    newChanged = Array(repeating: false, count: new.count)
    let size = old.count + new.count + 3
    forward = Array(repeating: 0, count: size)
    backward = Array(repeating: 0, count: size)
  }

  /// Marks the changed lines of `old[oldRange]` against `new[newRange]`.
  mutating func compare(oldRange: Range<Int>, newRange: Range<Int>) {
    var (oldLow, oldHigh, newLow, newHigh) = (oldRange.lowerBound, oldRange.upperBound, newRange.lowerBound, newRange.upperBound)
    while oldLow < oldHigh && newLow < newHigh && old[oldLow] == new[newLow] {
      oldLow += 1
      newLow += 1
    }
    while oldLow < oldHigh && newLow < newHigh && old[oldHigh - 1] == new[newHigh - 1] {
      oldHigh -= 1
      newHigh -= 1
    }
    if oldLow == oldHigh {
      for index in newLow..<newHigh { newChanged[index] = true }
      return
    }
    if newLow == newHigh {
      for index in oldLow..<oldHigh { oldChanged[index] = true }
      return
    }
    let snake = middleSnake(oldLow: oldLow, oldHigh: oldHigh, newLow: newLow, newHigh: newHigh)
    compare(oldRange: oldLow..<snake.oldStart, newRange: newLow..<snake.newStart)
    compare(oldRange: snake.oldEnd..<oldHigh, newRange: snake.newEnd..<newHigh)
  }

  /// A snake (run of equal lines, possibly empty) in the middle of an optimal edit path, found
  /// by running the greedy search from both ends until the two frontiers overlap. Both ranges
  /// are non-empty and differ at both ends, so the path has at least two edits and each half
  /// around the snake is strictly smaller.
  private mutating func middleSnake(
    oldLow: Int, oldHigh: Int, newLow: Int, newHigh: Int
  ) -> (oldStart: Int, newStart: Int, oldEnd: Int, newEnd: Int) {
    let n = oldHigh - oldLow
    let m = newHigh - newLow
    let delta = n - m
    let odd = delta & 1 != 0
    let limit = (n + m + 1) / 2
    // Diagonal k is stored at k + offset; k ranges over -limit-1 … limit+1.
    let offset = limit + 1
    forward[offset + 1] = 0
    backward[offset + 1] = 0
    for d in 0...limit {
      // Forward: x along the old side from (0, 0).
      for k in stride(from: -d, through: d, by: 2) {
        var x =
          (k == -d || (k != d && forward[offset + k - 1] < forward[offset + k + 1]))
          ? forward[offset + k + 1] : forward[offset + k - 1] + 1
        var y = x - k
        let (startX, startY) = (x, y)
        while x < n && y < m && old[oldLow + x] == new[newLow + y] {
          x += 1
          y += 1
        }
        forward[offset + k] = x
        let reverseDiagonal = delta - k
        if odd && reverseDiagonal >= -(d - 1) && reverseDiagonal <= d - 1
          && x + backward[offset + reverseDiagonal] >= n
        {
          return (oldLow + startX, newLow + startY, oldLow + x, newLow + y)
        }
      }
      // Backward: x counted from the end of both sides.
      for k in stride(from: -d, through: d, by: 2) {
        var x =
          (k == -d || (k != d && backward[offset + k - 1] < backward[offset + k + 1]))
          ? backward[offset + k + 1] : backward[offset + k - 1] + 1
        var y = x - k
        let (startX, startY) = (x, y)
        while x < n && y < m && old[oldHigh - 1 - x] == new[newHigh - 1 - y] {
          x += 1
          y += 1
        }
        backward[offset + k] = x
        let forwardDiagonal = delta - k
        if !odd && forwardDiagonal >= -d && forwardDiagonal <= d && x + forward[offset + forwardDiagonal] >= n {
          return (oldHigh - x, newHigh - y, oldHigh - startX, newHigh - startY)
        }
      }
    }
    // Unreachable: the frontiers meet by d = limit. Fall back to replacing everything.
    return (oldHigh, newLow, oldHigh, newLow)
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
