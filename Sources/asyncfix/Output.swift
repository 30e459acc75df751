import Engine
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing to standard output and error with `write(2)`: reports are built whole and written
/// in one go, so there is no stdio buffer to flush or to share between threads.
enum Output {
  /// Writes `text` to stdout as it is (reports end in their own newlines).
  static func write(_ text: String) {
    writeAll(text, to: STDOUT_FILENO)
  }

  /// Writes one line to stderr.
  static func error(_ line: String) {
    writeAll(line + "\n", to: STDERR_FILENO)
  }

  /// Writes `text` to stderr as it is (the report of `fix --stdin-filename`).
  static func writeError(_ text: String) {
    writeAll(text, to: STDERR_FILENO)
  }

  /// Writes bytes to stdout unchanged: fixed sources and diffs in any encoding.
  static func write(bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { writeAll($0, to: STDOUT_FILENO) }
  }

  /// All of standard input.
  static func readStandardInput() -> [UInt8] {
    Array(FileHandle.standardInput.readDataToEndOfFile())
  }

  static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) != 0 }

  static var environmentDisablesColor: Bool {
    let environment = ProcessInfo.processInfo.environment
    if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return true }
    return environment["TERM"] == "dumb"
  }

  private static func writeAll(_ text: String, to descriptor: Int32) {
    var text = text
    text.withUTF8 { writeAll($0, to: descriptor) }
  }

  private static func writeAll(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) {
    // A closed pipe or a full disk: nothing sensible is left to do with the output.
    _ = FileDescriptorIO.writeAll(UnsafeRawBufferPointer(bytes), to: descriptor)
  }
}
