#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a fixed file was not written. Reported as `error: PATH: message` (exit status 2); the
/// other files are still written.
public struct WriteError: Error, Hashable, Sendable, CustomStringConvertible {
  public enum Reason: Hashable, Sendable {
    /// The file's content on disk is no longer what was read and fixed: someone else wrote it.
    case modifiedSinceRead
    /// The file has no write permission.
    case readOnlyFile
    /// The directory holding the file (after following symlinks) cannot take the temporary file.
    case readOnlyDirectory(String)
    case notRegularFile
    /// A system call failed, with the system's words.
    case system(operation: String, errno: Int32, message: String)
  }

  /// The path as given or discovered (the symlink, not its target, when it is one).
  public var path: String
  public var reason: Reason

  public init(path: String, reason: Reason) {
    self.path = path
    self.reason = reason
  }

  init(path: String, operation: String, errno code: Int32) {
    self.init(path: path, reason: .system(operation: operation, errno: code, message: String(cString: strerror(code))))
  }

  /// The message after `PATH: `.
  public var message: String {
    switch reason {
    case .modifiedSinceRead: "not written: the file changed on disk since it was read"
    case .readOnlyFile: "not written: the file is read-only"
    case .readOnlyDirectory(let directory): "not written: the directory \(directory) is read-only"
    case .notRegularFile: "not written: not a regular file"
    case .system(let operation, _, let message): "not written: \(operation): \(message)"
    }
  }

  public var description: String { "\(path): \(message)" }
}

/// Whether `AtomicWrite` wrote the file.
public enum WriteOutcome: Hashable, Sendable {
  /// The new content equals the old: nothing was touched (not even the modification time).
  case unchanged
  case written
}

/// Replacing a file's content so that it is never seen half-written (DESIGN §4).
///
/// The new bytes go to a temporary file in the same directory (so the final `rename` stays on
/// one file system and is atomic), which is given the file's permission bits and owner, flushed
/// with `fsync`, and renamed over the file; the directory is then flushed too. Whatever stops
/// the process, the file holds either its old or its new content (at worst a `.NAME.asyncfix-…`
/// temporary file is left beside it). A symlink is resolved first: its target is replaced and
/// the link stays. Hard links to the file are not updated (a rename gives a new inode).
///
/// The file is compared with the bytes that were read just before the temporary file is
/// written and again just before the rename: if another program changed it meanwhile, it is
/// left alone and an error says so. (A change within the last microseconds before the rename
/// cannot be detected without locks, which other editors do not take anyway.)
public enum AtomicWrite {
  /// Replaces the content of `path`, read earlier as `original`, with `contents`.
  public static func replaceContents(
    of path: String, original: [UInt8], with contents: [UInt8]
  ) -> Result<WriteOutcome, WriteError> {
    if contents == original { return .success(.unchanged) }
    guard let target = resolvedPath(path) else { return .failure(WriteError(path: path, operation: "resolve", errno: errno)) }
    var status = stat()
    if stat(target, &status) != 0 { return .failure(WriteError(path: path, operation: "stat", errno: errno)) }
    if status.st_mode & S_IFMT != S_IFREG { return .failure(WriteError(path: path, reason: .notRegularFile)) }
    // Root may write anything; a file or directory without its owner's write bit is still
    // meant to be read-only, so that counts too.
    if access(target, W_OK) != 0 || status.st_mode & S_IWUSR == 0 {
      return .failure(WriteError(path: path, reason: .readOnlyFile))
    }
    let directory = parentDirectory(of: target)
    var directoryStatus = stat()
    if stat(directory, &directoryStatus) != 0 {
      return .failure(WriteError(path: path, operation: "stat \(directory)", errno: errno))
    }
    if access(directory, W_OK | X_OK) != 0 || directoryStatus.st_mode & S_IWUSR == 0 {
      return .failure(WriteError(path: path, reason: .readOnlyDirectory(directory)))
    }
    if let error = checkUnchanged(target, original: original, path: path) { return .failure(error) }

    let temporary: String
    switch writeTemporaryFile(contents, beside: target, in: directory, status: status, path: path) {
    case .failure(let error): return .failure(error)
    case .success(let name): temporary = name
    }
    if let error = checkUnchanged(target, original: original, path: path) {
      unlink(temporary)
      return .failure(error)
    }
    if rename(temporary, target) != 0 {
      let error = WriteError(path: path, operation: "rename", errno: errno)
      unlink(temporary)
      return .failure(error)
    }
    // Make the rename itself durable; a failure here leaves a correct file, so it is not an error.
    let directoryDescriptor = open(directory, O_RDONLY | O_CLOEXEC)
    if directoryDescriptor >= 0 {
      _ = fsync(directoryDescriptor)
      close(directoryDescriptor)
    }
    return .success(.written)
  }

  /// The error to report when `target` no longer holds `original`.
  private static func checkUnchanged(_ target: String, original: [UInt8], path: String) -> WriteError? {
    switch SourceFile.read(target) {
    case .success(let current): current == original ? nil : WriteError(path: path, reason: .modifiedSinceRead)
    case .failure: WriteError(path: path, reason: .modifiedSinceRead)
    }
  }

  /// Creates `.NAME.asyncfix-XXXXXX` in `directory` holding `contents`, with `status`'s mode
  /// and owner, flushed to disk; returns its path. Removes it on any failure.
  private static func writeTemporaryFile(
    _ contents: [UInt8], beside target: String, in directory: String, status: stat, path: String
  ) -> Result<String, WriteError> {
    let name = target.split(separator: "/").last.map(String.init) ?? "file"
    var template = Array("\(directory)/.\(name).asyncfix-XXXXXX".utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    if descriptor < 0 { return .failure(WriteError(path: path, operation: "create a temporary file", errno: errno)) }
    func fail(_ operation: String) -> Result<String, WriteError> {
      let error = WriteError(path: path, operation: operation, errno: errno)
      close(descriptor)
      unlink(temporary)
      return .failure(error)
    }
    if let failure = contents.withUnsafeBytes({ FileDescriptorIO.writeAll($0, to: descriptor) }) {
      errno = failure
      return fail("write")
    }
    // The owner can only be kept by a privileged process; otherwise the file is ours, as with
    // any editor that saves by renaming.
    _ = fchown(descriptor, status.st_uid, status.st_gid)
    if fchmod(descriptor, status.st_mode & 0o7777) != 0 { return fail("chmod") }
    if fsync(descriptor) != 0 { return fail("fsync") }
    if close(descriptor) != 0 {
      let error = WriteError(path: path, operation: "close", errno: errno)
      unlink(temporary)
      return .failure(error)
    }
    return .success(temporary)
  }

  /// `path` with every symlink resolved, or `nil` (with `errno` set) when that fails.
  static func resolvedPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  static func parentDirectory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }
}
