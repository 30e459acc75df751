#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Textual path arithmetic for configuration lookup and `.gitignore` files above a walk.
///
/// Paths are made absolute against the working directory and normalised without touching the
/// file system (`.` dropped, `..` removing the previous component), as ruff does: walking up
/// from `pkg/../app/main.py` means walking up from `app`, not from wherever a symlink leads.
struct ConfigurationPaths: Sendable {
  /// Absolute, normalised working directory.
  let workingDirectory: String

  init(workingDirectory: String? = nil) {
    let current = workingDirectory ?? Self.currentDirectory()
    self.workingDirectory = Self.normalized(current.hasPrefix("/") ? current : "/" + current)
  }

  /// `path` made absolute against the working directory and normalised.
  func absolute(_ path: String) -> String {
    Self.normalized(path.hasPrefix("/") ? path : workingDirectory + "/" + path)
  }

  /// An absolute path as a person would type it from the working directory: relative when it is
  /// inside it (`.` for the directory itself), absolute otherwise.
  func display(_ absolutePath: String) -> String {
    if absolutePath == workingDirectory { return "." }
    let prefix = workingDirectory == "/" ? "/" : workingDirectory + "/"
    if absolutePath.hasPrefix(prefix) { return String(absolutePath.dropFirst(prefix.count)) }
    return absolutePath
  }

  /// The components of `absolutePath` below `directory` (both absolute and normalised), or
  /// `nil` when it is not inside it. A path is inside itself, with no components.
  static func components(of absolutePath: String, below directory: String) -> [Substring]? {
    if absolutePath == directory { return [] }
    let prefix = directory == "/" ? "/" : directory + "/"
    guard absolutePath.hasPrefix(prefix) else { return nil }
    return absolutePath.dropFirst(prefix.count).split(separator: "/")
  }

  /// The parent of an absolute, normalised path; `nil` for `/`.
  static func parent(of absolutePath: String) -> String? {
    guard absolutePath != "/", let slash = absolutePath.lastIndex(of: "/") else { return nil }
    return slash == absolutePath.startIndex ? "/" : String(absolutePath[..<slash])
  }

  /// `path` without empty and `.` components, `..` removing the component before it (and
  /// staying at `/` above the root). `path` must be absolute.
  static func normalized(_ path: String) -> String {
    // Nearly every path is normalised already: say so without splitting it (this ran for each
    // file of a run and cost a percent of `check` on the standard library).
    if isNormalized(path) { return path }
    var components: [Substring] = []
    for component in path.split(separator: "/") {
      switch component {
      case ".": continue
      case "..": _ = components.popLast()
      default: components.append(component)
      }
    }
    return "/" + components.joined(separator: "/")
  }

  /// Whether `path` is absolute and has no empty, `.` or `..` component (`/` itself aside).
  private static func isNormalized(_ path: String) -> Bool {
    let bytes = path.utf8
    guard bytes.first == UInt8(ascii: "/") else { return false }
    var length = 0
    var dots = 0
    for byte in bytes.dropFirst() {
      if byte == UInt8(ascii: "/") {
        if length == 0 || (dots == length && length <= 2) { return false }
        length = 0
        dots = 0
      } else {
        length += 1
        if byte == UInt8(ascii: ".") { dots += 1 }
      }
    }
    return length > 0 && !(dots == length && length <= 2)
  }

  private static func currentDirectory() -> String {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    guard getcwd(&buffer, buffer.count) != nil else { return "/" }
    let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
    return String(decoding: bytes, as: UTF8.self)
  }
}
