#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be checked. Reported as `error: PATH: message` and exit status 2; the
/// run goes on with the other files.
public struct FileError: Error, Hashable, Sendable, CustomStringConvertible {
  public enum Reason: Hashable, Sendable {
    case notFound
    case permissionDenied
    case isDirectory
    case notRegularFile
    /// Any other system error, with the system's own words.
    case system(errno: Int32, message: String)
  }

  /// The path as given or discovered.
  public var path: String
  public var reason: Reason

  public init(path: String, reason: Reason) {
    self.path = path
    self.reason = reason
  }

  /// Maps an `errno` value to a reason, keeping the common ones recognisable for callers and tests.
  public init(path: String, errno code: Int32) {
    switch code {
    case ENOENT, ENOTDIR: self.init(path: path, reason: .notFound)
    case EACCES, EPERM: self.init(path: path, reason: .permissionDenied)
    case EISDIR: self.init(path: path, reason: .isDirectory)
    default: self.init(path: path, reason: .system(errno: code, message: String(cString: strerror(code))))
    }
  }

  /// The message after `PATH: `.
  public var message: String {
    switch reason {
    case .notFound: "No such file or directory"
    case .permissionDenied: "Permission denied"
    case .isDirectory: "Is a directory"
    case .notRegularFile: "Not a regular file"
    case .system(_, let message): message
    }
  }

  public var description: String { "\(path): \(message)" }
}
