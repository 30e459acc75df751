import Foundation
import TestSupport
import XCTest

/// Runs the built `asyncfix` binary, which SwiftPM places next to the test bundle.
struct CommandResult {
  var status: Int32
  var stdout: String
  var stderr: String
}

enum CommandRunner {
  /// The build products folder: on Linux the test runner's own folder, on macOS the folder
  /// holding the `.xctest` bundle.
  static var productsDirectory: URL {
    #if os(macOS)
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
      return bundle.bundleURL.deletingLastPathComponent()
    }
    fatalError("no .xctest bundle found")
    #else
    return Bundle.main.bundleURL
    #endif
  }

  static var executable: URL { productsDirectory.appendingPathComponent("asyncfix") }

  /// Runs `asyncfix arguments` in `directory` with a fixed terminal width and no colour
  /// variables, so help texts and reports do not depend on who runs the tests.
  static func run(
    _ arguments: [String], in directory: String? = nil, environment extra: [String: String] = [:],
    input: [UInt8]? = nil, file: StaticString = #filePath, line: UInt = #line
  ) throws -> CommandResult {
    let binary = executable
    guard FileManager.default.isExecutableFile(atPath: binary.path) else {
      XCTFail("asyncfix binary not found at \(binary.path); build it with `swift build`", file: file, line: line)
      throw CocoaError(.fileNoSuchFile)
    }
    var environment = ProcessInfo.processInfo.environment
    environment["COLUMNS"] = "80"
    environment["LINES"] = "24"
    environment.removeValue(forKey: "NO_COLOR")
    environment.removeValue(forKey: "TERM")
    environment.merge(extra) { _, new in new }
    let result = try ProcessRunner.run(
      binary.path, arguments, currentDirectory: directory, environment: environment, input: input)
    return CommandResult(status: result.status, stdout: result.stdout, stderr: result.stderr)
  }
}

/// A fresh temporary directory for one test, removed afterwards.
final class Scratch {
  let path: String

  init() throws {
    path = NSTemporaryDirectory() + "asyncfix-cli-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  @discardableResult
  func write(_ name: String, _ text: String) throws -> String {
    try write(name, bytes: Array(text.utf8))
  }

  @discardableResult
  func write(_ name: String, bytes: [UInt8]) throws -> String {
    let full = path + "/" + name
    try FileManager.default.createDirectory(
      atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(bytes).write(to: URL(fileURLWithPath: full))
    return full
  }
}
