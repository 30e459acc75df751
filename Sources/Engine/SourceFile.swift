#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading a source file's bytes with POSIX calls, so every failure has a precise reason
/// (Foundation's `Data(contentsOf:)` folds them into one vague error) and nothing ever traps.
public enum SourceFile {
  /// Reads the whole file at `path`.
  ///
  /// Only regular files are read (after following symlinks): a directory gives `.isDirectory`,
  /// and a FIFO or device gives `.notRegularFile` instead of blocking forever on `read`.
  public static func read(_ path: String) -> Result<[UInt8], FileError> {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    if descriptor < 0 { return .failure(FileError(path: path, errno: errno)) }
    defer { close(descriptor) }
    var status = stat()
    if fstat(descriptor, &status) != 0 { return .failure(FileError(path: path, errno: errno)) }
    let type = status.st_mode & S_IFMT
    if type == S_IFDIR { return .failure(FileError(path: path, reason: .isDirectory)) }
    if type != S_IFREG { return .failure(FileError(path: path, reason: .notRegularFile)) }

    // The size is a hint: the file may grow or shrink while we read, so read until end of file.
    var bytes = [UInt8](repeating: 0, count: max(Int(status.st_size), 0) + 1)
    var count = 0
    while true {
      if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, 4096))) }
      let result = bytes.withUnsafeMutableBytes { buffer in
        // `count < buffer.count` by the check above, and the buffer is never empty.
        FileDescriptorIO.read(descriptor, into: buffer.baseAddress! + count, count: buffer.count - count)
      }
      if result < 0 { return .failure(FileError(path: path, errno: errno)) }
      if result == 0 { break }
      count += result
    }
    bytes.removeSubrange(count...)
    return .success(bytes)
  }
}
