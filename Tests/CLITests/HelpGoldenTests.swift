import Foundation
import XCTest

/// The help texts are part of the interface: `Golden/cli/*.txt` hold them exactly.
/// `ASYNCFIX_UPDATE_GOLDEN=1 swift test` rewrites them; reviewing the git diff accepts a change.
final class HelpGoldenTests: XCTestCase {
  private static let goldenDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Golden/cli")

  private func assertGolden(_ arguments: [String], _ name: String, file: StaticString = #filePath, line: UInt = #line)
    throws
  {
    let result = try CommandRunner.run(arguments)
    XCTAssertEqual(result.status, 0, file: file, line: line)
    XCTAssertEqual(result.stderr, "", file: file, line: line)
    let url = Self.goldenDirectory.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["ASYNCFIX_UPDATE_GOLDEN"] == "1" {
      try Data(result.stdout.utf8).write(to: url)
      return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
      XCTFail("missing \(url.path); run with ASYNCFIX_UPDATE_GOLDEN=1 to create it", file: file, line: line)
      return
    }
    XCTAssertEqual(result.stdout, expected, "differs from \(url.path)", file: file, line: line)
  }

  func testRootHelp() throws { try assertGolden(["--help"], "asyncfix-help.txt") }
  func testCheckHelp() throws { try assertGolden(["check", "--help"], "check-help.txt") }
  func testParseHelp() throws { try assertGolden(["parse", "--help"], "parse-help.txt") }
  func testFixHelp() throws { try assertGolden(["fix", "--help"], "fix-help.txt") }
  func testDiffHelp() throws { try assertGolden(["diff", "--help"], "diff-help.txt") }
  func testHelpSubcommandMatchesFlag() throws {
    XCTAssertEqual(try CommandRunner.run(["help", "check"]).stdout, try CommandRunner.run(["check", "--help"]).stdout)
  }

  func testVersion() throws {
    let result = try CommandRunner.run(["--version"])
    XCTAssertEqual(result.status, 0)
    XCTAssertEqual(result.stdout, "0.1.0\n")
  }
}
