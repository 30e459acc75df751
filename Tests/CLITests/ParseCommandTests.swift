import Foundation
import XCTest

final class ParseCommandTests: XCTestCase {
  func testValidFilePrintsNothing() throws {
    let scratch = try Scratch()
    try scratch.write("ok.py", "x = 1\n")
    let result = try CommandRunner.run(["parse", "ok.py"], in: scratch.path)
    XCTAssertEqual(result.status, 0)
    XCTAssertEqual(result.stdout, "")
    XCTAssertEqual(result.stderr, "")
  }

  func testSyntaxErrorsArePrintedOnePerLine() throws {
    let scratch = try Scratch()
    try scratch.write("bad.py", "while True\n    pass\n")
    let result = try CommandRunner.run(["parse", "bad.py"], in: scratch.path)
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(result.stdout, "bad.py:1:11: AF001 expected ':'\n")
    let json = try CommandRunner.run(["parse", "--format", "json", "bad.py"], in: scratch.path)
    XCTAssertEqual(json.status, 1)
    let entries = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
    XCTAssertEqual(entries?.first?["message"] as? String, "expected ':'")
  }

  func testTreeAsJSONIsValidJSONAndErrorsGoToStderr() throws {
    let scratch = try Scratch()
    try scratch.write("ok.py", "async def main():\n    await x\n")
    let result = try CommandRunner.run(["parse", "--tree", "--format", "json", "ok.py"], in: scratch.path)
    XCTAssertEqual(result.status, 0)
    let tree = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    XCTAssertEqual(tree?["kind"] as? String, "Module")
    try scratch.write("bad.py", "while True\n")
    let bad = try CommandRunner.run(["parse", "--tree", "--format", "json", "bad.py"], in: scratch.path)
    XCTAssertEqual(bad.status, 1)
    XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(bad.stdout.utf8)))
    XCTAssertEqual(bad.stderr, "bad.py:1:11: AF001 expected ':'\n")
  }

  func testTreeAsText() throws {
    let scratch = try Scratch()
    try scratch.write("ok.py", "x = 1\n")
    let result = try CommandRunner.run(["parse", "--tree", "ok.py"], in: scratch.path)
    XCTAssertEqual(result.status, 0)
    XCTAssertTrue(result.stdout.hasPrefix("Module"), result.stdout)
    XCTAssertTrue(result.stdout.hasSuffix("\n"))
  }

  func testUnreadableFileExitsTwo() throws {
    let scratch = try Scratch()
    try FileManager.default.createDirectory(atPath: scratch.path + "/pkg", withIntermediateDirectories: true)
    let directory = try CommandRunner.run(["parse", "pkg"], in: scratch.path)
    XCTAssertEqual(directory.status, 2)
    XCTAssertEqual(directory.stderr, "error: pkg: Is a directory\n")
    let missing = try CommandRunner.run(["parse", "--tree", "missing.py"], in: scratch.path)
    XCTAssertEqual(missing.status, 2)
    XCTAssertEqual(missing.stderr, "error: missing.py: No such file or directory\n")
    XCTAssertEqual(missing.stdout, "")
  }
}
