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
    // The buffer is not zeroed first (`read` fills what is kept; a memset of every file cost
    // about 2% of a `check` of the standard library).
    var capacity = max(Int(status.st_size), 0) + 1
    var bytes: [UInt8] = []
    var failure: Int32?
    while failure == nil {
      var reachedEnd = false
      let previous = bytes
      bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
        var count = previous.count
        if count > 0 { _ = UnsafeMutableBufferPointer(rebasing: buffer[..<count]).initialize(from: previous) }
        while count < capacity {
          let result = FileDescriptorIO.read(
            descriptor, into: UnsafeMutableRawPointer(buffer.baseAddress! + count), count: capacity - count)
          if result < 0 { failure = errno; break }
          if result == 0 { reachedEnd = true; break }
          count += result
        }
        initialized = count
      }
      if reachedEnd { break }
      capacity *= 2
    }
    if let failure { return .failure(FileError(path: path, errno: failure)) }
    return .success(bytes)
  }
}
