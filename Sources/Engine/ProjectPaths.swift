#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The file-system facts the project index needs (`ProjectIndex` itself stays free of I/O so
/// its tests can describe any layout).
enum ProjectPaths {
  /// The process's working directory, against which relative paths of the run are taken.
  static var currentDirectory: String {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    guard getcwd(&buffer, buffer.count) != nil else { return "/" }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// Whether `directory` holds an `__init__.py` (a regular file, through symlinks): a package.
  @Sendable static func isPackageDirectory(_ directory: String) -> Bool {
    var status = stat()
    guard stat(directory + "/__init__.py", &status) == 0 else { return false }
    return status.st_mode & S_IFMT == S_IFREG
  }
}
