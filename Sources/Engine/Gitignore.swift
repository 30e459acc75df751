#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The patterns of one `.gitignore` file.
struct Gitignore: Hashable, Sendable {
  var patterns: [GitignorePattern]

  init(contents: [UInt8]) {
    patterns = contents.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
      .compactMap(GitignorePattern.init(line:))
  }

  init(patterns: [GitignorePattern]) {
    self.patterns = patterns
  }

  /// The verdict of the last pattern matching `path` (components relative to this file's
  /// directory): `true` ignored, `false` re-included by a `!` pattern, `nil` no pattern matched.
  func verdict(for path: [Substring], isDirectory: Bool) -> Bool? {
    for pattern in patterns.reversed() where pattern.matches(path, isDirectory: isDirectory) {
      return !pattern.isNegated
    }
    return nil
  }
}

/// The `.gitignore` files in force at one point of a directory walk, outermost first.
///
/// Each knows how deep in the walk its directory is, so a candidate's path relative to it is the
/// tail of the candidate's components. Files in directories above the walk's root (up to the git
/// repository's root) carry instead the root's path below their directory as a prefix. Deeper
/// files override shallower ones, and within a file the last matching line wins, as in git.
struct GitignoreStack: Sendable {
  private var scopes: [(depth: Int, prefix: [Substring], rules: Gitignore)] = []

  /// Adds the `.gitignore` of a directory at `depth` (number of components from the walk's root).
  func adding(_ rules: Gitignore, depth: Int) -> GitignoreStack {
    var copy = self
    copy.scopes.append((depth, [], rules))
    return copy
  }

  /// Whether `components` (relative to the walk's root) is excluded.
  func isIgnored(_ components: [Substring], isDirectory: Bool) -> Bool {
    for scope in scopes.reversed() {
      let relative = scope.prefix + components[scope.depth...]
      if let verdict = scope.rules.verdict(for: relative, isDirectory: isDirectory) { return verdict }
    }
    return false
  }

  /// The `.gitignore` files of the directories above `root` (a directory), as git applies them:
  /// only when `root` is inside a git repository, from the repository's root down. A `root`
  /// that is itself a repository's root has none.
  static func enclosing(_ root: String, paths: ConfigurationPaths) -> GitignoreStack {
    let absoluteRoot = paths.absolute(root)
    if exists(FileDiscovery.join(absoluteRoot, ".git")) { return GitignoreStack() }
    var found: [(prefix: [Substring], rules: Gitignore)] = []
    var directory = ConfigurationPaths.parent(of: absoluteRoot)
    while let here = directory {
      let prefix = ConfigurationPaths.components(of: absoluteRoot, below: here) ?? []
      if case .success(let bytes) = SourceFile.read(FileDiscovery.join(here, ".gitignore")) {
        found.append((prefix, Gitignore(contents: bytes)))
      }
      if exists(FileDiscovery.join(here, ".git")) {
        var stack = GitignoreStack()
        stack.scopes = found.reversed().map { (0, $0.prefix, $0.rules) }
        return stack
      }
      directory = ConfigurationPaths.parent(of: here)
    }
    // Not in a repository: git reads no `.gitignore` above the root.
    return GitignoreStack()
  }

  private static func exists(_ path: String) -> Bool {
    var status = stat()
    return lstat(path, &status) == 0
  }
}
