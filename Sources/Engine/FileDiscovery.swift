#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file to check, or a path that could not be turned into files.
public struct DiscoveredFile: Hashable, Sendable {
  /// The path as given, or the given directory joined with the names walked below it.
  public var path: String
  /// Set when the path cannot be checked (it does not exist, a directory cannot be listed).
  public var error: FileError?

  public init(path: String, error: FileError? = nil) {
    self.path = path
    self.error = error
  }
}

/// Turns the command line's paths into the sorted list of files to check (DESIGN §4).
///
/// - A path naming a file is always checked, whatever its name or the ignore rules say.
/// - A directory is walked for `*.py` files (so `*.pyi` stubs are skipped), leaving out the
///   directories in `excludedNames`, whatever the `.gitignore` files exclude (those met during
///   the walk apply below their own directory; those above the walked directory up to the git
///   repository's root apply too, as in git), and whatever `isExcluded` says (the
///   configuration's `exclude` patterns).
/// - Like git and ruff, symbolic links to directories met during a walk are not followed, which
///   also makes link loops harmless; a symlink to a file is checked. A directory reached twice
///   (bind mounts) is walked once.
/// - The result is sorted by path bytes and free of duplicates, so output order never depends on
///   the file system or the order of the arguments.
public enum FileDiscovery {
  /// Directory names never walked into.
  public static let excludedNames: Set<String> = [".git", ".venv", "__pycache__", "build", "node_modules"]

  /// - Parameters:
  ///   - paths: files and directories as given on the command line.
  ///   - isExcluded: whether an entry met during a walk (its path, whether it is a directory) is
  ///     left out; never asked about `paths` themselves.
  public static func discover(
    _ paths: [String], isExcluded: @escaping (String, Bool) -> Bool = { _, _ in false }
  ) -> [DiscoveredFile] {
    var walker = Walker(isExcluded: isExcluded)
    for path in paths {
      walker.visitArgument(path)
    }
    var seen = Set<String>()
    var seenFiles = Set<FileIdentity>()
    return walker.found
      .sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
      .filter { seen.insert($0.path).inserted }
      .filter { file in
        // One file reached by two paths (`a.py ./a.py`, a symlink, a directory and a file in it)
        // is checked once, under the first path in sorted order: checking it twice in parallel
        // would race the writes and count its findings twice. `stat` follows symlinks.
        guard file.error == nil else { return true }
        var status = stat()
        guard stat(file.path, &status) == 0 else { return true }
        return seenFiles.insert(FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))).inserted
      }
  }

  /// `directory` joined with `name` the way a person would type it: `.` is left out, a trailing
  /// slash is not doubled.
  static func join(_ directory: String, _ name: String) -> String {
    if directory == "." { return name }
    if directory.hasSuffix("/") { return directory + name }
    return directory + "/" + name
  }
}

/// A file's identity on disk: its device and inode numbers.
private struct FileIdentity: Hashable {
  var device: UInt64
  var inode: UInt64
}

/// The state of one discovery: what was found and which directories were already walked.
private struct Walker {
  var found: [DiscoveredFile] = []
  private var visitedDirectories = Set<FileIdentity>()
  private let isExcluded: (String, Bool) -> Bool
  private let paths = ConfigurationPaths()

  init(isExcluded: @escaping (String, Bool) -> Bool) {
    self.isExcluded = isExcluded
  }

  mutating func visitArgument(_ path: String) {
    var status = stat()
    // `stat` follows symlinks: a link given on the command line means its target.
    if stat(path, &status) != 0 {
      found.append(DiscoveredFile(path: path, error: FileError(path: path, errno: errno)))
      return
    }
    if status.st_mode & S_IFMT == S_IFDIR {
      var root = path
      while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
      let ignores = GitignoreStack.enclosing(root, paths: paths)
      walk(directory: root, components: [], status: status, ignores: ignores)
    } else {
      // Explicit files are always checked; reading reports FIFOs and devices as errors.
      found.append(DiscoveredFile(path: path))
    }
  }

  private mutating func walk(directory: String, components: [Substring], status: stat, ignores: GitignoreStack) {
    let identity = FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    guard visitedDirectories.insert(identity).inserted else { return }
    guard let stream = opendir(directory) else {
      found.append(DiscoveredFile(path: directory, error: FileError(path: directory, errno: errno)))
      return
    }
    var names: [String] = []
    while let entry = readdir(stream) {
      let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
        pointer.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: pointer.pointee)) {
          String(cString: $0)
        }
      }
      if name != "." && name != ".." { names.append(name) }
    }
    closedir(stream)
    names.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }

    var ignores = ignores
    if names.contains(".gitignore"),
      case .success(let bytes) = SourceFile.read(FileDiscovery.join(directory, ".gitignore"))
    {
      ignores = ignores.adding(Gitignore(contents: bytes), depth: components.count)
    }

    for name in names {
      let path = FileDiscovery.join(directory, name)
      var entryStatus = stat()
      guard lstat(path, &entryStatus) == 0 else { continue }
      var type = entryStatus.st_mode & S_IFMT
      if type == S_IFLNK {
        // Follow links to files only; a dangling link is skipped.
        guard stat(path, &entryStatus) == 0 else { continue }
        type = entryStatus.st_mode & S_IFMT
        if type == S_IFDIR { continue }
      }
      let childComponents = components + [Substring(name)]
      if type == S_IFDIR {
        if FileDiscovery.excludedNames.contains(name) { continue }
        if ignores.isIgnored(childComponents, isDirectory: true) || isExcluded(path, true) { continue }
        walk(directory: path, components: childComponents, status: entryStatus, ignores: ignores)
      } else if type == S_IFREG && name.hasSuffix(".py") {
        if ignores.isIgnored(childComponents, isDirectory: false) || isExcluded(path, false) { continue }
        found.append(DiscoveredFile(path: path))
      }
    }
  }
}
