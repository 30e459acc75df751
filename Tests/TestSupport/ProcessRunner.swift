import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs an external program (the built `asyncfix`, CPython, MicroPython) and captures its output.
/// Shared by the test targets that start processes.
public enum ProcessRunner {
  public struct Result: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    /// Whether the program was still running at the deadline and was killed.
    public var timedOut: Bool

    public var output: String { stdout + stderr }
  }

  /// Runs `executable` with `arguments`, feeding `input` (or nothing) to its standard input.
  /// With a `timeout`, kills it (that process only, by its id) when it runs longer.
  public static func run(
    _ executable: String, _ arguments: [String], currentDirectory: String? = nil,
    environment: [String: String]? = nil, input: [UInt8]? = nil, timeout: TimeInterval? = nil
  ) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
    if let environment { process.environment = environment }
    let outputPipe = Pipe()
    let errorPipe = Pipe()
    let inputPipe = Pipe()
    process.standardOutput = outputPipe
    process.standardError = errorPipe
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
    // Drain both pipes on their own threads so a chatty program cannot block on a full pipe.
    let stdout = Collected()
    let stderr = Collected()
    let readers = [(outputPipe, stdout), (errorPipe, stderr)].map { pipe, box in
      Thread { box.set(pipe.fileHandleForReading.readDataToEndOfFile()) }
    }
    readers.forEach { $0.start() }
    var timedOut = false
    if let timeout {
      let deadline = Date().addingTimeInterval(timeout)
      while process.isRunning && Date() < deadline { usleep(10_000) }
      timedOut = process.isRunning
      if timedOut { kill(process.processIdentifier, SIGKILL) }
    }
    process.waitUntilExit()
    while !stdout.isSet || !stderr.isSet { usleep(1_000) }
    return Result(
      status: process.terminationStatus, stdout: String(decoding: stdout.value, as: UTF8.self),
      stderr: String(decoding: stderr.value, as: UTF8.self), timedOut: timedOut)
  }

  /// The full path of `command` found on `PATH`, if any.
  public static func find(_ command: String) -> String? {
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
