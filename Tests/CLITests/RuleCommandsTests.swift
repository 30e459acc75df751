import Foundation
import XCTest

/// `asyncfix rules` and `asyncfix explain`: generated from the registry's descriptions.
final class RuleCommandsTests: XCTestCase {
  func testRulesJSONListsAF001AndTheRegistry() throws {
    let result = try CommandRunner.run(["rules", "--format", "json"])
    XCTAssertEqual(result.status, 0)
    let entries = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: String]])
    XCTAssertEqual(entries.first?["code"], "AF001")
    XCTAssertTrue(entries.contains { $0["code"] == "AF102" && $0["fixable"] == "safe" })
    XCTAssertTrue(entries.contains { $0["code"] == "AF103" && $0["name"] == "loop-without-yield" })
    let text = try CommandRunner.run(["rules"]).stdout
    for entry in entries {
      let line = text.split(separator: "\n").first { $0.hasPrefix(entry["code"]! + " ") }
      XCTAssertNotNil(line, entry["code"]!)
      XCTAssertTrue(line?.contains(entry["summary"]!) == true)
      XCTAssertTrue(line?.contains(entry["name"]!) == true)
      // explain shows the same summary for every listed rule.
      let explained = try CommandRunner.run(["explain", entry["code"]!])
      XCTAssertEqual(explained.status, 0)
      XCTAssertTrue(explained.stdout.hasPrefix("\(entry["code"]!) \(entry["name"]!)\n\n\(entry["summary"]!)."))
    }
  }

  /// The table's layout (no golden file: the table grows with every rule that lands).
  func testRulesTableLayout() throws {
    let lines = try CommandRunner.run(["rules"]).stdout.split(separator: "\n")
    XCTAssertEqual(
      lines.first?.split(separator: " ", omittingEmptySubsequences: true), ["code", "name", "fixable", "summary"])
    XCTAssertTrue(lines.dropFirst().first?.hasPrefix("AF001  syntax-error ") == true)
    let fixableColumn = lines[0].range(of: "fixable")!.lowerBound.utf16Offset(in: lines[0])
    for line in lines.dropFirst() {
      let value = String(line.dropFirst(fixableColumn).prefix { $0 != " " })
      XCTAssertTrue(["safe", "unsafe", "-"].contains(value), String(line))
    }
  }

  func testExplainGolden() throws {
    try assertOutputGolden(["explain", "AF102"], "explain-AF102.txt")
  }

  func testExplainAcceptsNamesAndLowercase() throws {
    let byCode = try CommandRunner.run(["explain", "AF103"]).stdout
    XCTAssertEqual(try CommandRunner.run(["explain", "af103"]).stdout, byCode)
    XCTAssertEqual(try CommandRunner.run(["explain", "loop-without-yield"]).stdout, byCode)
    XCTAssertTrue(byCode.contains("Fix: "))
    XCTAssertTrue(byCode.contains("Triggers on"))
  }

  func testExplainUnknownCodeIsUsageError() throws {
    let result = try CommandRunner.run(["explain", "AF999"])
    XCTAssertEqual(result.status, 64)
    XCTAssertEqual(result.stdout, "")
    XCTAssertTrue(result.stderr.contains("AF001, AF101, AF102, AF103"), result.stderr)
  }

  /// A code of DESIGN §3's catalogue whose rule has not landed is "planned", not "unknown":
  /// `--select` accepts it, so `explain` must not call it unknown.
  func testExplainPlannedCodeSaysPlanned() throws {
    let catalogue = (1...9).map { "AF10\($0)" }
    let rules = try CommandRunner.run(["rules", "--format", "json"])
    let implemented = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(rules.stdout.utf8)) as? [[String: Any]]
    ).compactMap { $0["code"] as? String }
    guard let planned = catalogue.first(where: { !implemented.contains($0) }) else {
      throw XCTSkip("every catalogued rule is implemented")
    }
    let result = try CommandRunner.run(["explain", planned])
    XCTAssertEqual(result.status, 64)
    XCTAssertTrue(result.stderr.contains("\(planned) ") && result.stderr.contains("planned but not implemented"), result.stderr)
    XCTAssertFalse(result.stderr.contains("unknown"), result.stderr)
  }

  func testRulesHelp() throws { try assertOutputGolden(["rules", "--help"], "rules-help.txt") }
  func testExplainHelp() throws { try assertOutputGolden(["explain", "--help"], "explain-help.txt") }

  /// `asyncfix arguments` must exit 0 with nothing on stderr and print exactly `Golden/cli/name`.
  private func assertOutputGolden(
    _ arguments: [String], _ name: String, file: StaticString = #filePath, line: UInt = #line
  ) throws {
    let result = try CommandRunner.run(arguments)
    XCTAssertEqual(result.status, 0, file: file, line: line)
    XCTAssertEqual(result.stderr, "", file: file, line: line)
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Golden/cli/" + name)
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
}
