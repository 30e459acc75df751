import Foundation
import XCTest

final class CheckCommandTests: XCTestCase {
  private let missingColon = "import os\n\nwhile True\n    pass\n"

  func testCleanFileExitsZero() throws {
    let scratch = try Scratch()
    try scratch.write("ok.py", "async def main():\n    await main()\n")
    let result = try CommandRunner.run(["check", "ok.py"], in: scratch.path)
    XCTAssertEqual(result.status, 0)
    XCTAssertEqual(result.stdout, "All checks passed!\n")
    XCTAssertEqual(result.stderr, "")
  }

  func testCheckIsTheDefaultCommandAndDotTheDefaultPath() throws {
    let scratch = try Scratch()
    try scratch.write("pkg/bad.py", missingColon)
    let explicit = try CommandRunner.run(["check", "."], in: scratch.path)
    XCTAssertEqual(explicit.status, 1)
    XCTAssertEqual(try CommandRunner.run([], in: scratch.path).stdout, explicit.stdout)
    XCTAssertEqual(try CommandRunner.run(["pkg"], in: scratch.path).stdout, explicit.stdout)
    XCTAssertTrue(explicit.stdout.hasPrefix("pkg/bad.py:3:11: AF001 "), explicit.stdout)
  }

  func testTextReportIsExact() throws {
    let scratch = try Scratch()
    try scratch.write("app/main.py", missingColon)
    let result = try CommandRunner.run(["check", "app/main.py"], in: scratch.path)
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(result.stderr, "")
    XCTAssertEqual(
      result.stdout,
      """
      app/main.py:3:11: AF001 expected ':'
        |
      3 | while True
        |           ^
        |

      Found 1 finding (0 fixable with 'asyncfix fix', 0 more with '--unsafe-fixes').

      """)
  }

  func testQuietPrintsOnlyFindingLines() throws {
    let scratch = try Scratch()
    try scratch.write("a.py", missingColon)
    try scratch.write("b.py", "x = 1\n")
    let result = try CommandRunner.run(["check", "--quiet", "."], in: scratch.path)
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(result.stdout, "a.py:3:11: AF001 expected ':'\n")
    let clean = try CommandRunner.run(["check", "-q", "b.py"], in: scratch.path)
    XCTAssertEqual(clean.status, 0)
    XCTAssertEqual(clean.stdout, "")
  }

  func testJSONReportIsExact() throws {
    let scratch = try Scratch()
    // Three two-byte scalars before the stray ")" (byte 12, scalar 10): its column is 11.
    try scratch.write("uni.py", "s = \"ééé\" )\n")
    try scratch.write("ok.py", "x = 1\n")
    let result = try CommandRunner.run(["check", "--format", "json", "uni.py", "ok.py"], in: scratch.path)
    XCTAssertEqual(result.status, 1)
    let entries = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    XCTAssertEqual(entries.count, 1)
    let entry = try XCTUnwrap(entries.first)
    XCTAssertEqual(Set(entry.keys), ["code", "name", "message", "filename", "location", "end_location", "fix"])
    XCTAssertEqual(entry["code"] as? String, "AF001")
    XCTAssertEqual(entry["name"] as? String, "syntax-error")
    XCTAssertEqual(entry["filename"] as? String, "uni.py")
    XCTAssertTrue(entry["fix"] is NSNull)
    XCTAssertEqual(entry["location"] as? [String: Int], ["row": 1, "column": 11])
    let message = try XCTUnwrap(entry["message"] as? String)
    // Pretty-printed with sorted keys, byte for byte.
    XCTAssertEqual(
      result.stdout,
      """
      [
        {
          "code" : "AF001",
          "end_location" : {
            "column" : 12,
            "row" : 1
          },
          "filename" : "uni.py",
          "fix" : null,
          "location" : {
            "column" : 11,
            "row" : 1
          },
          "message" : "\(message)",
          "name" : "syntax-error"
        }
      ]

      """)
    let clean = try CommandRunner.run(["check", "--format", "json", "ok.py"], in: scratch.path)
    XCTAssertEqual(clean.status, 0)
    XCTAssertEqual(clean.stdout, "[]\n")
  }

  func testTextAndJSONAgree() throws {
    let scratch = try Scratch()
    try scratch.write("a.py", "def f(:\n    pass\nx = (\n")
    let text = try CommandRunner.run(["check", "-q", "a.py"], in: scratch.path)
    let json = try CommandRunner.run(["check", "--format", "json", "a.py"], in: scratch.path)
    let entries = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    XCTAssertFalse(entries.isEmpty)
    let lines = entries.map { entry -> String in
      let location = entry["location"] as? [String: Int] ?? [:]
      return "\(entry["filename"]!):\(location["row"]!):\(location["column"]!): \(entry["code"]!) \(entry["message"]!)"
    }
    XCTAssertEqual(text.stdout, lines.map { $0 + "\n" }.joined())
  }

  func testMissingPathIsReportedAndOtherFilesStillChecked() throws {
    let scratch = try Scratch()
    try scratch.write("bad.py", missingColon)
    let result = try CommandRunner.run(["check", "-q", "missing.py", "bad.py"], in: scratch.path)
    XCTAssertEqual(result.status, 2, "a path that cannot be checked wins over findings")
    XCTAssertEqual(result.stderr, "error: missing.py: No such file or directory\n")
    XCTAssertEqual(result.stdout, "bad.py:3:11: AF001 expected ':'\n")
  }

  func testMissingPathAloneExitsTwoWithoutSummary() throws {
    let scratch = try Scratch()
    let result = try CommandRunner.run(["check", "nope/"], in: scratch.path)
    XCTAssertEqual(result.status, 2)
    XCTAssertEqual(result.stderr, "error: nope/: No such file or directory\n")
    XCTAssertEqual(result.stdout, "")
  }

  func testUnreadableFileIsAnErrorNamingIt() throws {
    let scratch = try Scratch()
    XCTAssertEqual(mkfifo(scratch.path + "/pipe.py", 0o600), 0)
    try scratch.write("ok.py", "x = 1\n")
    let result = try CommandRunner.run(["check", "pipe.py", "ok.py"], in: scratch.path)
    XCTAssertEqual(result.status, 2)
    XCTAssertEqual(result.stderr, "error: pipe.py: Not a regular file\n")
    XCTAssertEqual(result.stdout, "")
  }

  func testBadInputGivesSyntaxErrorsNotCrashes() throws {
    let scratch = try Scratch()
    try scratch.write("binary.py", bytes: [0x00, 0x01, 0x02, 0xFF, 0x0A])
    try scratch.write("latin1.py", bytes: Array("x = '".utf8) + [0xE9] + Array("'\n".utf8))
    try scratch.write("empty.py", "")
    try scratch.write("deep.py", String(repeating: "(", count: 10_000) + "\n")
    let result = try CommandRunner.run(["check", "-q", "."], in: scratch.path)
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(result.stderr, "")
    let files = Set(result.stdout.split(separator: "\n").map { $0.prefix { $0 != ":" } })
    XCTAssertEqual(files, ["binary.py", "deep.py", "latin1.py"])
    let empty = try CommandRunner.run(["check", "empty.py"], in: scratch.path)
    XCTAssertEqual(empty.status, 0)
    XCTAssertEqual(empty.stdout, "All checks passed!\n")
  }

  func testBinaryFileSnippetPrintsNoRawControlBytes() throws {
    let scratch = try Scratch()
    try scratch.write("binary.py", bytes: [0x00, 0x1B, 0x5B, 0x33, 0x31, 0x6D, 0x0A])
    let result = try CommandRunner.run(["check", "--color", "never", "binary.py"], in: scratch.path)
    XCTAssertEqual(result.status, 1)
    XCTAssertFalse(result.stdout.contains("\u{1B}"))
    XCTAssertFalse(result.stdout.contains("\u{0}"))
    XCTAssertTrue(result.stdout.contains("1 | \u{2400}\u{241B}[31m\n"), result.stdout)
  }

  func testOutputIsIdenticalForAnyJobCount() throws {
    let scratch = try Scratch()
    for index in 0..<30 {
      try scratch.write("p\(index % 3)/m\(index).py", index.isMultiple(of: 2) ? missingColon : "if x\n    pass\n")
    }
    let one = try CommandRunner.run(["check", "--jobs", "1", "."], in: scratch.path)
    let four = try CommandRunner.run(["check", "-j", "4", "."], in: scratch.path)
    let joined = try CommandRunner.run(["check", "-j3", "."], in: scratch.path)
    XCTAssertEqual(one.status, 1)
    XCTAssertEqual(one.stdout, four.stdout)
    XCTAssertEqual(one.stdout, joined.stdout, "-j3 (attached value) works like -j 3")
    XCTAssertTrue(
      one.stdout.hasSuffix("Found 30 findings (0 fixable with 'asyncfix fix', 0 more with '--unsafe-fixes').\n"))
    let headers = one.stdout.split(separator: "\n").filter { $0.contains(": AF001 ") }
      .map { String($0.prefix { $0 != ":" }) }
    XCTAssertEqual(headers, headers.sorted())
  }

  /// Paths after `--` bypass the argument parser (linear for thousands of paths) and mean the
  /// same as paths given before it; a path that looks like an option works there.
  func testPathsAfterTheSeparator() throws {
    let scratch = try Scratch()
    try scratch.write("a.py", missingColon)
    try scratch.write("-b.py", missingColon)
    let plain = try CommandRunner.run(["check", "--select", "AF001", "a.py"], in: scratch.path)
    let separated = try CommandRunner.run(["check", "--select", "AF001", "--", "a.py"], in: scratch.path)
    XCTAssertEqual(plain.status, 1)
    XCTAssertEqual(plain.stdout, separated.stdout)
    let dashed = try CommandRunner.run(["check", "--", "a.py", "-b.py"], in: scratch.path)
    XCTAssertTrue(dashed.stdout.contains("-b.py:3:11: AF001 expected ':'"), dashed.stdout)
    XCTAssertTrue(dashed.stdout.hasSuffix("Found 2 findings (0 fixable with 'asyncfix fix', 0 more with '--unsafe-fixes').\n"))
  }

  func testSelectAndIgnore() throws {
    let scratch = try Scratch()
    try scratch.write("bad.py", missingColon)
    XCTAssertEqual(try CommandRunner.run(["check", "--ignore", "AF001", "bad.py"], in: scratch.path).status, 0)
    XCTAssertEqual(try CommandRunner.run(["check", "--select", "AF1", "bad.py"], in: scratch.path).status, 0)
    XCTAssertEqual(try CommandRunner.run(["check", "--select", "AF0,AF101", "bad.py"], in: scratch.path).status, 1)
    XCTAssertEqual(
      try CommandRunner.run(["check", "--select", "AF001", "--ignore", "AF", "bad.py"], in: scratch.path).status, 1)
  }

  func testBadUsageExitsSixtyFour() throws {
    let scratch = try Scratch()
    try scratch.write("ok.py", "x = 1\n")
    for arguments in [
      ["check", "--select", "AF9"], ["check", "--ignore", "E501"], ["check", "--jobs", "0"], ["check", "--jobs", "x"],
      ["check", "--format", "xml"], ["check", "--color", "sometimes"], ["check", "--frobnicate"], ["parse"],
      ["parse", "a.py", "b.py"], ["nonsense-command-that-is-a-missing-path-or-not", "--bogus"],
    ] {
      let result = try CommandRunner.run(arguments, in: scratch.path)
      XCTAssertEqual(result.status, 64, "\(arguments): \(result.stderr)")
      XCTAssertTrue(result.stderr.contains("Error:"), "\(arguments): \(result.stderr)")
    }
    let unknown = try CommandRunner.run(["check", "--select", "AF9"], in: scratch.path)
    XCTAssertTrue(unknown.stderr.contains("unknown rule code or prefix 'AF9'"), unknown.stderr)
  }

  func testColours() throws {
    let scratch = try Scratch()
    try scratch.write("bad.py", missingColon)
    let always = try CommandRunner.run(["check", "--color", "always", "bad.py"], in: scratch.path)
    XCTAssertTrue(always.stdout.contains("\u{1B}[1;31mAF001\u{1B}[0m"), always.stdout)
    let never = try CommandRunner.run(["check", "--color", "never", "bad.py"], in: scratch.path)
    XCTAssertFalse(never.stdout.contains("\u{1B}"))
    let auto = try CommandRunner.run(["check", "bad.py"], in: scratch.path)
    XCTAssertEqual(auto.stdout, never.stdout, "a pipe is not a terminal")
    XCTAssertTrue(
      try CommandRunner.run(["check", "--color", "always", "bad.py"], in: scratch.path, environment: ["NO_COLOR": "1"])
        .stdout.contains("\u{1B}["),
      "--color always wins over NO_COLOR")
  }

  func testGitignoredFilesAreSkippedUnlessNamed() throws {
    let scratch = try Scratch()
    try scratch.write(".gitignore", "generated/\n")
    try scratch.write("generated/bad.py", missingColon)
    try scratch.write("build/bad.py", missingColon)
    try scratch.write("ok.py", "x = 1\n")
    XCTAssertEqual(try CommandRunner.run(["check", "."], in: scratch.path).status, 0)
    XCTAssertEqual(try CommandRunner.run(["check", "generated/bad.py"], in: scratch.path).status, 1)
  }
}
