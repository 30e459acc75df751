import Foundation
import XCTest

/// `fix` and `diff` end to end: idempotence, diffs that apply and equal what `fix` writes,
/// standard input, per-file failures, and the exit status of every subcommand.
final class FixCommandTests: XCTestCase {
  static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

  /// MicroPython (it imports `utime`), so the fix is `sleep_ms`, with `import asyncio` added.
  private let blockingSleep = "import utime\n\n\nasync def main():\n    utime.sleep(0.5)\n"
  private let fixedSleep = "import utime\nimport asyncio\n\n\nasync def main():\n    await asyncio.sleep_ms(500)\n"

  /// Copies `Examples/` and the inputs of the AF102/AF103 golden cases into `scratch/name/`.
  private func copyProject(to scratch: Scratch, as name: String = "project") throws -> String {
    let manager = FileManager.default
    let target = scratch.path + "/" + name
    try manager.createDirectory(atPath: target, withIntermediateDirectories: true)
    try manager.copyItem(atPath: Self.repositoryRoot + "/Examples", toPath: target + "/Examples")
    for folder in ["AF102-blocking-sleep", "AF103-loop-without-yield"] {
      let source = Self.repositoryRoot + "/Golden/" + folder
      try manager.createDirectory(atPath: target + "/" + folder, withIntermediateDirectories: true)
      for file in try manager.contentsOfDirectory(atPath: source)
      where file.hasSuffix(".py") && !file.hasSuffix(".fixed.py") && !file.hasSuffix(".unsafe.py") {
        try manager.copyItem(atPath: source + "/" + file, toPath: target + "/" + folder + "/" + file)
      }
    }
    return target
  }

  /// Every file under `directory`, relative path → bytes.
  private func contents(of directory: String) throws -> [String: Data] {
    var result: [String: Data] = [:]
    let enumerator = try XCTUnwrap(FileManager.default.enumerator(atPath: directory))
    while let path = enumerator.nextObject() as? String {
      var isDirectory: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: directory + "/" + path, isDirectory: &isDirectory)
      if !isDirectory.boolValue { result[path] = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + path)) }
    }
    return result
  }

  func testFixTwiceChangesNothingTheSecondTime() throws {
    let scratch = try Scratch()
    let project = try copyProject(to: scratch)
    let before = try contents(of: project)
    let first = try CommandRunner.run(["fix", "--color", "never", "."], in: project)
    XCTAssertEqual(first.stderr, "")
    XCTAssertEqual(first.status, 1, "findings without a fix remain (shadowed asyncio, precise cases)")
    XCTAssertTrue(first.stdout.contains("\nFixed "), first.stdout)
    let fixed = try contents(of: project)
    XCTAssertNotEqual(fixed, before)
    let second = try CommandRunner.run(["fix", "--color", "never", "."], in: project)
    XCTAssertEqual(second.status, 1)
    XCTAssertTrue(second.stdout.hasSuffix("Fixed 0 findings in 0 files.\n"), second.stdout)
    XCTAssertEqual(try contents(of: project), fixed)
    // What remains has no [*]: every safe fix was applied. AF105's fix in Examples/buttons.py and
    // AF101's in Examples/net.py (`writer.drain()`, a receiver inferred from `open_connection`)
    // are unsafe, so they remain on offer.
    XCTAssertFalse(second.stdout.contains("[*]"), second.stdout)
    XCTAssertTrue(
      second.stdout.contains("(0 fixable with 'asyncfix fix', 2 more with '--unsafe-fixes')"), second.stdout)
    let diff = try CommandRunner.run(["diff", "."], in: project)
    XCTAssertEqual(diff.status, 0)
    XCTAssertEqual(diff.stdout, "")
    XCTAssertEqual(diff.stderr, "No fixes to apply.\n")
  }

  func testDiffAppliesWithGitAndPatchAndEqualsWhatFixWrites() throws {
    let scratch = try Scratch()
    let fixedCopy = try copyProject(to: scratch, as: "fixed")
    let gitCopy = try copyProject(to: scratch, as: "git")
    let patchCopy = try copyProject(to: scratch, as: "patch")
    let original = try contents(of: fixedCopy)
    let diff = try CommandRunner.run(["diff", "Examples", "AF102-blocking-sleep", "AF103-loop-without-yield"], in: fixedCopy)
    XCTAssertEqual(diff.status, 1)
    XCTAssertTrue(diff.stdout.hasPrefix("--- a/AF102-blocking-sleep/"), diff.stdout)
    XCTAssertTrue(diff.stdout.contains("\n--- a/Examples/display.py\n+++ b/Examples/display.py\n@@ "), diff.stdout)
    XCTAssertTrue(diff.stderr.hasPrefix("Would fix "), diff.stderr)
    XCTAssertEqual(try contents(of: fixedCopy), original, "diff writes nothing")
    let patchFile = try scratch.write("fixes.diff", diff.stdout)
    let fix = try CommandRunner.run(["fix", "Examples", "AF102-blocking-sleep", "AF103-loop-without-yield"], in: fixedCopy)
    XCTAssertEqual(fix.status, 1)
    let expected = try contents(of: fixedCopy)
    XCTAssertNotEqual(expected, original)

    let git = try shell("/usr/bin/env", ["git", "apply", "--unsafe-paths", patchFile], in: gitCopy)
    XCTAssertEqual(git.status, 0, git.output)
    XCTAssertEqual(try contents(of: gitCopy), expected, "git apply gives what fix writes")
    let patch = try shell("/usr/bin/env", ["patch", "-p1", "-s", "-i", patchFile], in: patchCopy)
    XCTAssertEqual(patch.status, 0, patch.output)
    XCTAssertEqual(try contents(of: patchCopy), expected, "patch -p1 gives what fix writes")
  }

  func testFixFromStandardInputWritesTheFixedSourceToStandardOutput() throws {
    let scratch = try Scratch()
    let result = try CommandRunner.run(
      ["fix", "--stdin-filename", "x.py"], in: scratch.path, input: Array(blockingSleep.utf8))
    XCTAssertEqual(result.status, 0)
    XCTAssertEqual(result.stdout, fixedSleep)
    XCTAssertEqual(result.stderr, "All checks passed!\nFixed 1 finding in 1 file.\n")
    XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.path + "/x.py"), "nothing is written")

    let check = try CommandRunner.run(
      ["check", "--stdin-filename", "app/x.py", "-q"], in: scratch.path, input: Array(blockingSleep.utf8))
    XCTAssertEqual(check.status, 1)
    XCTAssertEqual(check.stdout, "app/x.py:5:5: AF102 [*] utime.sleep() blocks the event loop inside a coroutine\n")

    let diff = try CommandRunner.run(
      ["diff", "--stdin-filename", "x.py"], in: scratch.path, input: Array(blockingSleep.utf8))
    XCTAssertEqual(diff.status, 1)
    XCTAssertTrue(diff.stdout.hasPrefix("--- a/x.py\n+++ b/x.py\n@@ -1,5 +1,6 @@\n"), diff.stdout)

    let withPath = try CommandRunner.run(["fix", "--stdin-filename", "x.py", "y.py"], in: scratch.path, input: [])
    XCTAssertEqual(withPath.status, 64)
  }

  func testStandardInputUsesTheConfigurationOfItsName() throws {
    let scratch = try Scratch()
    try scratch.write("sub/asyncfix.toml", "ignore = [\"AF102\"]\n")
    let ignored = try CommandRunner.run(
      ["fix", "--stdin-filename", "sub/x.py"], in: scratch.path, input: Array(blockingSleep.utf8))
    XCTAssertEqual(ignored.status, 0)
    XCTAssertEqual(ignored.stdout, blockingSleep)
  }

  func testReadOnlyMissingFileAndBadConfigurationAreErrorsWhileOtherFilesAreFixed() throws {
    let scratch = try Scratch()
    let readOnly = try scratch.write("ro.py", blockingSleep)
    try scratch.write("good.py", blockingSleep)
    try scratch.write("broken/pyproject.toml", "[tool.asyncfix]\nselekt = [\"AF1\"]\n")
    try scratch.write("broken/inner.py", blockingSleep)
    try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: readOnly)
    let result = try CommandRunner.run(
      ["fix", "--color", "never", "ro.py", "missing.py", "broken", "good.py"], in: scratch.path)
    XCTAssertEqual(result.status, 2)
    XCTAssertTrue(result.stderr.contains("error: ro.py: not written: the file is read-only\n"), result.stderr)
    XCTAssertTrue(result.stderr.contains("error: missing.py: No such file or directory\n"), result.stderr)
    XCTAssertTrue(result.stderr.contains("broken/pyproject.toml"), result.stderr)
    XCTAssertTrue(result.stderr.contains("selekt"), result.stderr)
    XCTAssertEqual(try String(contentsOfFile: scratch.path + "/good.py", encoding: .utf8), fixedSleep)
    XCTAssertEqual(try String(contentsOfFile: readOnly, encoding: .utf8), blockingSleep)
    XCTAssertEqual(try String(contentsOfFile: scratch.path + "/broken/inner.py", encoding: .utf8), blockingSleep)
    // The read-only file's findings are still reported (from what it holds), fixable.
    XCTAssertTrue(result.stdout.hasPrefix("ro.py:5:5: AF102 [*] "), result.stdout)
    XCTAssertTrue(result.stdout.hasSuffix("Fixed 1 finding in 1 file.\n"), result.stdout)

    for command in ["check", "diff"] {
      let other = try CommandRunner.run([command, "missing.py", "good.py"], in: scratch.path)
      XCTAssertEqual(other.status, 2, command)
      XCTAssertTrue(other.stderr.contains("error: missing.py: No such file or directory\n"), command)
    }
  }

  func testUnsafeFixesKeepsSafeMarkersAndCountsAndReportsApplicability() throws {
    // AF102 and AF103 have only safe fixes so far: --unsafe-fixes changes neither the markers
    // nor the counts, and the JSON applicability says "safe" both ways.
    let scratch = try Scratch()
    try scratch.write("a.py", blockingSleep)
    for extra in [[], ["--unsafe-fixes"]] {
      let text = try CommandRunner.run(["check", "--color", "never"] + extra + ["a.py"], in: scratch.path)
      XCTAssertTrue(text.stdout.hasPrefix("a.py:5:5: AF102 [*] utime.sleep()"), text.stdout)
      XCTAssertTrue(text.stdout.contains("  = help: Replace with `await asyncio.sleep_ms(500)`\n"), text.stdout)
      XCTAssertTrue(
        text.stdout.hasSuffix("Found 1 finding (1 fixable with 'asyncfix fix', 0 more with '--unsafe-fixes').\n"))
      let json = try CommandRunner.run(["check", "--format", "json"] + extra + ["a.py"], in: scratch.path)
      let entries = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
      let fix = try XCTUnwrap(entries.first?["fix"] as? [String: Any])
      XCTAssertEqual(fix["applicability"] as? String, "safe")
      XCTAssertEqual(fix["message"] as? String, "Replace with `await asyncio.sleep_ms(500)`")
      let edits = try XCTUnwrap(fix["edits"] as? [[String: Any]])
      XCTAssertEqual(edits.count, 2, "the import, then the call")
      XCTAssertEqual(edits.first?["content"] as? String, "import asyncio\n")
      XCTAssertEqual(edits.first?["location"] as? [String: Int], ["row": 2, "column": 1])
      XCTAssertEqual(edits.last?["content"] as? String, "await asyncio.sleep_ms(500)")
      XCTAssertEqual(edits.last?["location"] as? [String: Int], ["row": 5, "column": 5])
      XCTAssertEqual(edits.last?["end_location"] as? [String: Int], ["row": 5, "column": 21])
    }
    // A fix that no mode applies (shadowed asyncio) has no marker and a null fix.
    try scratch.write("shadow.py", "import time\n\n\nasync def main(asyncio):\n    time.sleep(1)\n")
    let shadow = try CommandRunner.run(["check", "--format", "json", "shadow.py"], in: scratch.path)
    XCTAssertTrue(shadow.stdout.contains("\"fix\" : null"), shadow.stdout)
  }

  func testStatisticsTableIsExact() throws {
    let scratch = try Scratch()
    try scratch.write(
      "a.py",
      "import time\n\n\nasync def main():\n    time.sleep(1)\n    time.sleep(2)\n    while True:\n        pass\n")
    try scratch.write("b.py", "while True\n")
    let result = try CommandRunner.run(["check", "--statistics", "--color", "never", "."], in: scratch.path)
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(
      result.stdout,
      "2\tAF102\t[*] blocking-sleep\n1\tAF001\t[ ] syntax-error\n1\tAF103\t[*] loop-without-yield\n")
    let json = try CommandRunner.run(["check", "--statistics", "--format", "json", "a.py"], in: scratch.path)
    let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    XCTAssertEqual(rows.map { $0["code"] as? String }, ["AF102", "AF103"])
    XCTAssertEqual(rows.map { $0["count"] as? Int }, [2, 1])
  }

  func testExitStatusOfEachSubcommand() throws {
    let scratch = try Scratch()
    try scratch.write("clean.py", "async def main():\n    await main()\n")
    try scratch.write("findings.py", blockingSleep)
    try scratch.write("unfixable.py", "import time\n\n\nasync def main(asyncio):\n    time.sleep(1)\n")
    func status(_ arguments: [String]) throws -> Int32 { try CommandRunner.run(arguments, in: scratch.path).status }
    XCTAssertEqual(try status(["check", "clean.py"]), 0)
    XCTAssertEqual(try status(["check", "findings.py"]), 1)
    XCTAssertEqual(try status(["check", "missing.py"]), 2)
    XCTAssertEqual(try status(["check", "--format", "xml", "clean.py"]), 64)
    XCTAssertEqual(try status(["diff", "clean.py"]), 0)
    XCTAssertEqual(try status(["diff", "unfixable.py"]), 0, "findings without a fix make no diff")
    XCTAssertEqual(try status(["diff", "findings.py"]), 1)
    XCTAssertEqual(try status(["diff", "missing.py"]), 2)
    XCTAssertEqual(try status(["diff", "--jobs", "0", "clean.py"]), 64)
    XCTAssertEqual(try status(["fix", "unfixable.py"]), 1)
    XCTAssertEqual(try status(["fix", "findings.py"]), 0, "everything fixed: nothing remains")
    XCTAssertEqual(try status(["fix", "missing.py"]), 2)
    XCTAssertEqual(try status(["fix", "--select", "AF999", "clean.py"]), 64)
    XCTAssertEqual(try status(["fix", "--target", "lua", "clean.py"]), 64)
  }

  private func shell(_ executable: String, _ arguments: [String], in directory: String) throws -> (
    status: Int32, output: String
  ) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}
