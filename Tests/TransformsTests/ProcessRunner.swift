import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs an external program (CPython, MicroPython) with a time bound, capturing its output.
enum ProcessRunner {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
    /// Whether the program was still running at the deadline and was killed.
    var timedOut: Bool

    var output: String { stdout + stderr }
  }

  /// Runs `executable` with `arguments`; kills it (that process only, by its id) when it runs
  /// longer than `timeout` seconds.
  static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardInput = FileHandle.nullDevice
    let outputPipe = Pipe()
    let errorPipe = Pipe()
    process.standardOutput = outputPipe
    process.standardError = errorPipe
    try process.run()
    // Drain both pipes on their own threads so a chatty program cannot block on a full pipe.
    let stdout = Collected()
    let stderr = Collected()
    let readers = [(outputPipe, stdout), (errorPipe, stderr)].map { pipe, box in
      Thread { box.set(pipe.fileHandleForReading.readDataToEndOfFile()) }
    }
    readers.forEach { $0.start() }
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { usleep(10_000) }
    let timedOut = process.isRunning
    if timedOut { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    while !stdout.isSet || !stderr.isSet { usleep(1_000) }
    return Result(
      status: process.terminationStatus, stdout: String(decoding: stdout.value, as: UTF8.self),
      stderr: String(decoding: stderr.value, as: UTF8.self), timedOut: timedOut)
  }

  /// The full path of `command` found on `PATH`, if any.
  static func find(_ command: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    for directory in path.split(separator: ":") {
      let candidate = "\(directory)/\(command)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}

/// Data written once by a reader thread.
private final class Collected: @unchecked Sendable {
  private let lock = NSLock()
  private var data = Data()
  private var written = false

  func set(_ value: Data) {
    lock.lock()
    data = value
    written = true
    lock.unlock()
  }

  var isSet: Bool {
    lock.lock()
    defer { lock.unlock() }
    return written
  }

  var value: Data {
    lock.lock()
    defer { lock.unlock() }
    return data
  }
}
