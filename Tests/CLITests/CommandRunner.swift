import Foundation
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
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    var environment = ProcessInfo.processInfo.environment
    environment["COLUMNS"] = "80"
    environment["LINES"] = "24"
    environment.removeValue(forKey: "NO_COLOR")
    environment.removeValue(forKey: "TERM")
    environment.merge(extra) { _, new in new }
    process.environment = environment
    let outputPipe = Pipe()
    let errorPipe = Pipe()
    process.standardOutput = outputPipe
    process.standardError = errorPipe
    let inputPipe = Pipe()
    process.standardInput = input == nil ? FileHandle.nullDevice : inputPipe
    try process.run()
    if let input {
      // Written on its own thread: a large input must not block while the child's output fills up.
      let writer = inputPipe.fileHandleForWriting
      Thread {
        writer.write(Data(input))
        try? writer.close()
      }.start()
    }
    // Read both pipes before waiting, on separate threads, so a large output cannot fill a pipe
    // buffer and deadlock the child.
    let errorData = Locked(Data())
    let errorReader = Thread {
      errorData.set(errorPipe.fileHandleForReading.readDataToEndOfFile())
    }
    errorReader.start()
    let outputData = outputPipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !errorData.isSet { usleep(1000) }
    return CommandResult(
      status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
      stderr: String(decoding: errorData.value, as: UTF8.self))
  }
}

/// A value written once by another thread.
private final class Locked<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: Value
  private var written = false

  init(_ value: Value) { stored = value }

  func set(_ value: Value) {
    lock.lock()
    stored = value
    written = true
    lock.unlock()
  }

  var isSet: Bool {
    lock.lock()
    defer { lock.unlock() }
    return written
  }

  var value: Value {
    lock.lock()
    defer { lock.unlock() }
    return stored
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
