import Foundation
import Reports
import XCTest

final class UnifiedDiffTests: XCTestCase {
  private func diff(_ old: String, _ new: String, path: String = "f.py", context: Int = 3) -> String {
    String(decoding: UnifiedDiff.diff(old: Array(old.utf8), new: Array(new.utf8), path: path, context: context), as: UTF8.self)
  }

  // MARK: Exact output

  func testEqualInputsGiveNothing() {
    XCTAssertEqual(diff("a\nb\n", "a\nb\n"), "")
    XCTAssertEqual(diff("", ""), "")
  }

  func testOneChangedLineWithContext() {
    let old = (1...9).map { "line \($0)\n" }.joined()
    let new = old.replacingOccurrences(of: "line 5\n", with: "LINE 5\n")
    XCTAssertEqual(
      diff(old, new, path: "app/main.py"),
      """
      --- a/app/main.py
      +++ b/app/main.py
      @@ -2,7 +2,7 @@
       line 2
       line 3
       line 4
      -line 5
      +LINE 5
       line 6
       line 7
       line 8

      """)
  }

  func testInsertionAtTheTopAndCountsOfOne() {
    XCTAssertEqual(
      diff("x = 1\n", "import asyncio\nx = 1\n"),
      "--- a/f.py\n+++ b/f.py\n@@ -1 +1,2 @@\n+import asyncio\n x = 1\n")
    XCTAssertEqual(diff("", "x\n"), "--- a/f.py\n+++ b/f.py\n@@ -0,0 +1 @@\n+x\n")
    XCTAssertEqual(diff("x\n", ""), "--- a/f.py\n+++ b/f.py\n@@ -1 +0,0 @@\n-x\n")
  }

  func testMissingFinalNewlineMarkers() {
    XCTAssertEqual(
      diff("a\nb", "a\nc"), "--- a/f.py\n+++ b/f.py\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n")
    XCTAssertEqual(diff("a\nb", "a\nb\n"), "--- a/f.py\n+++ b/f.py\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n")
  }

  func testCRLFIsKept() {
    XCTAssertEqual(diff("a\r\nb\r\n", "a\r\nc\r\n"), "--- a/f.py\n+++ b/f.py\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\r\n")
  }

  func testDistantChangesMakeSeparateHunksAndCloseOnesMerge() {
    let old = (1...30).map { "\($0)\n" }.joined()
    var lines = (1...30).map { "\($0)\n" }
    lines[1] = "two\n"
    lines[27] = "twenty-eight\n"
    let separate = diff(old, lines.joined())
    XCTAssertEqual(separate.components(separatedBy: "\n@@ ").count + (separate.hasPrefix("@@") ? 1 : 0), 3)
    XCTAssertTrue(separate.contains("@@ -1,5 +1,5 @@\n"), separate)
    XCTAssertTrue(separate.contains("@@ -25,6 +25,6 @@\n"), separate)
    lines = (1...30).map { "\($0)\n" }
    lines[9] = "ten\n"
    lines[16] = "seventeen\n"  // six unchanged lines between: one hunk
    XCTAssertTrue(diff(old, lines.joined()).contains("@@ -7,14 +7,14 @@\n"))
    lines[16] = "17\n"
    lines[17] = "eighteen\n"  // seven unchanged lines between: two hunks
    XCTAssertEqual(diff(old, lines.joined()).components(separatedBy: "@@ -").count, 3)
  }

  func testTheScriptIsMinimal() {
    // Against the textbook LCS table on random small inputs.
    var generator = SplitMix64(seed: 42)
    for _ in 0..<300 {
      let old = (0..<Int(generator.next() % 12)).map { _ in "\(generator.next() % 4)\n" }.joined()
      let new = (0..<Int(generator.next() % 12)).map { _ in "\(generator.next() % 4)\n" }.joined()
      let output = diff(old, new, context: 0)
      let removed = output.split(separator: "\n").count { $0.hasPrefix("-") && !$0.hasPrefix("---") }
      let added = output.split(separator: "\n").count { $0.hasPrefix("+") && !$0.hasPrefix("+++") }
      let oldLines = old.split(separator: "\n")
      let newLines = new.split(separator: "\n")
      let common = longestCommonSubsequence(oldLines, newLines)
      XCTAssertEqual(removed, oldLines.count - common, "\(old.debugDescription) → \(new.debugDescription)")
      XCTAssertEqual(added, newLines.count - common, "\(old.debugDescription) → \(new.debugDescription)")
    }
  }

  func testLargeFilesWithFewChangesAreFast() {
    let old = (0..<50_000).map { "value_\($0) = \($0)\n" }
    var new = old
    new[100] = "changed\n"
    new.insert("inserted\n", at: 30_000)
    new.remove(at: 49_000)
    let output = diff(old.joined(), new.joined())
    XCTAssertEqual(output.components(separatedBy: "@@ -").count, 4)
    // The worst case (nothing in common) stays quadratic-free in memory and finishes.
    let unrelated = diff(old.prefix(2_000).joined(), old.prefix(2_000).reversed().joined(), context: 0)
    XCTAssertFalse(unrelated.isEmpty)
  }

  // MARK: git apply and patch -p1

  /// Writes each old file under a fresh directory, diffs it, and checks that `git apply` and
  /// `patch -p1` both accept the diff and turn each old file into the new one byte for byte.
  private func assertApplies(_ cases: [(path: String, old: [UInt8], new: [UInt8])], file: StaticString = #filePath, line: UInt = #line) throws {
    let root = NSTemporaryDirectory() + "asyncfix-diff-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: root) }
    var patch: [UInt8] = []
    for entry in cases { patch += UnifiedDiff.diff(old: entry.old, new: entry.new, path: entry.path) }
    for tool in ["git", "patch"] {
      let directory = root + "/" + tool
      for entry in cases {
        let full = directory + "/" + entry.path
        try FileManager.default.createDirectory(
          atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(entry.old).write(to: URL(fileURLWithPath: full))
      }
      try Data(patch).write(to: URL(fileURLWithPath: root + "/\(tool).diff"))
      let commands =
        tool == "git"
        ? ["git apply --check ../git.diff", "git apply ../git.diff"]
        : ["patch -p1 --dry-run < ../patch.diff", "patch -p1 --quiet < ../patch.diff"]
      for command in commands {
        let (status, output) = try shell(command, in: directory)
        XCTAssertEqual(status, 0, "\(command): \(output)\n\(String(decoding: patch, as: UTF8.self))", file: file, line: line)
      }
      for entry in cases {
        let result = FileManager.default.contents(atPath: directory + "/" + entry.path).map(Array.init) ?? []
        XCTAssertEqual(result, entry.new, "\(tool) applied \(entry.path)", file: file, line: line)
      }
    }
  }

  func testDiffsApplyWithGitAndPatch() throws {
    let thirty = (1...30).map { "line \($0)\n" }.joined()
    var changed = (1...30).map { "line \($0)\n" }
    changed[0] = "first\n"
    changed[14] = "middle\n"
    changed[29] = "last\n"
    try assertApplies([
      ("crlf.py", Array("a = 1\r\nb = 2\r\nc = 3\r\n".utf8), Array("a = 1\r\nb = 20\r\nc = 3\r\n".utf8)),
      ("no_final_newline.py", Array("a = 1\nb = 2".utf8), Array("a = 1\nb = 3".utf8)),
      ("add_final_newline.py", Array("a = 1\nb = 2".utf8), Array("a = 1\nb = 2\n".utf8)),
      ("drop_final_newline.py", Array("a = 1\nb = 2\n".utf8), Array("a = 1\nb = 2".utf8)),
      ("start_and_end.py", Array(thirty.utf8), Array(changed.joined().utf8)),
      (
        "pkg/import.py", Array("\"\"\"Doc.\"\"\"\nimport time\n\nasync def f():\n    time.sleep(1)\n".utf8),
        Array("\"\"\"Doc.\"\"\"\nimport time\nimport asyncio\n\nasync def f():\n    await asyncio.sleep_ms(1000)\n".utf8)
      ),
      ("crlf_no_final.py", Array("x = 1\r\ny = 2".utf8), Array("import asyncio\r\nx = 1\r\ny = 2".utf8)),
      ("cr_only.py", Array("x = 1\ry = 2\r".utf8), Array("x = 1\ry = 3\r".utf8)),
      ("empty.py", [], Array("import asyncio\n".utf8)),
      ("latin1.py", [0x23, 0x20, 0xE9, 0x0A, 0x78, 0x0A], [0x23, 0x20, 0xE9, 0x0A, 0x79, 0x0A]),
    ])
  }

  func testFileNamesWithSpacesQuotesAndNonASCIIApply() throws {
    XCTAssertEqual(diff("a\n", "b\n", path: "my file.py").prefix(36), "--- a/my file.py\t\n+++ b/my file.py\t\n")
    XCTAssertTrue(diff("a\n", "b\n", path: "q\"b.py").hasPrefix("--- \"a/q\\\"b.py\"\n+++ \"b/q\\\"b.py\"\n"))
    try assertApplies([
      ("dir with space/my file.py", Array("x = 1\n".utf8), Array("x = 2\n".utf8)),
      ("caf\u{E9}.py", Array("x = 1\n".utf8), Array("x = 2\n".utf8)),
      ("q\"uote\\d.py", Array("x = 1\n".utf8), Array("x = 2\n".utf8)),
    ])
  }

  func testRandomEditsApply() throws {
    var generator = SplitMix64(seed: 7)
    var cases: [(path: String, old: [UInt8], new: [UInt8])] = []
    for index in 0..<25 {
      let newline = ["\n", "\r\n"][Int(generator.next() % 2)]
      var lines = (0..<Int(generator.next() % 40)).map { _ in "v\(generator.next() % 6)" + newline }
      let old = lines.joined() + (generator.next() % 3 == 0 ? "tail" : "")
      for _ in 0..<Int(generator.next() % 5) {
        let position = lines.isEmpty ? 0 : Int(generator.next() % UInt64(lines.count))
        switch generator.next() % 3 {
        case 0: lines.insert("new\(generator.next() % 9)" + newline, at: position)
        case 1: if !lines.isEmpty { lines.remove(at: position) }
        default: if !lines.isEmpty { lines[position] = "changed" + newline }
        }
      }
      let new = lines.joined() + (generator.next() % 3 == 0 ? "end" : "")
      if old != new { cases.append(("random\(index).py", Array(old.utf8), Array(new.utf8))) }
    }
    try assertApplies(cases)
  }

  // MARK: Helpers

  private func shell(_ command: String, in directory: String) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self))
  }

  private func longestCommonSubsequence(_ a: [Substring], _ b: [Substring]) -> Int {
    var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in stride(from: a.count - 1, through: 0, by: -1) {
      for j in stride(from: b.count - 1, through: 0, by: -1) {
        table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
      }
    }
    return table[0][0]
  }
}

/// A small seeded generator, so random tests are the same on every run.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
