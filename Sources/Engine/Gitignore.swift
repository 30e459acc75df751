/// The patterns of one `.gitignore` file.
struct Gitignore: Hashable, Sendable {
  var patterns: [GitignorePattern]

  init(contents: [UInt8]) {
    patterns = contents.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
      .compactMap(GitignorePattern.init(line:))
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
/// tail of the candidate's components. Deeper files override shallower ones, and within a file the
/// last matching line wins, as in git.
struct GitignoreStack: Sendable {
  private var scopes: [(depth: Int, rules: Gitignore)] = []

  /// Adds the `.gitignore` of a directory at `depth` (number of components from the walk's root).
  func adding(_ rules: Gitignore, depth: Int) -> GitignoreStack {
    var copy = self
    copy.scopes.append((depth, rules))
    return copy
  }

  /// Whether `components` (relative to the walk's root) is excluded.
  func isIgnored(_ components: [Substring], isDirectory: Bool) -> Bool {
    for scope in scopes.reversed() {
      let relative = Array(components[scope.depth...])
      if let verdict = scope.rules.verdict(for: relative, isDirectory: isDirectory) { return verdict }
    }
    return false
  }
}
