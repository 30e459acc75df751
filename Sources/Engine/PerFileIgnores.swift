/// One `per-file-ignores` entry: rule selectors switched off for the files a glob matches.
///
/// Globs are gitignore-style, relative to the configuration file's directory, like `exclude`:
/// a glob without `/` (`__init__.py`, `test_*.py`) matches the file name at any depth; one with a
/// `/` (`tests/*.py`, `legacy/**`) matches the path below that directory. A leading `!` inverts
/// the glob: `"!src/**" = ["AF109"]` ignores AF109 everywhere but under `src/`.
public struct PerFileIgnore: Hashable, Sendable {
  /// The glob as written in the configuration.
  public var glob: String
  /// Codes or prefixes to disable for matching files.
  public var selectors: [String]
  private var pattern: GitignorePattern

  /// `nil` when the glob is empty or a comment, so it could match nothing.
  init?(glob: String, selectors: [String]) {
    guard let pattern = GitignorePattern(line: Array(glob.utf8)[...]) else { return nil }
    self.glob = glob
    self.selectors = selectors
    self.pattern = pattern
  }

  /// Whether the entry applies to a file whose path below the configuration's directory is
  /// `components`, or `nil` when the file lies outside that directory (then only a glob without
  /// `/` can match, by the file's name).
  ///
  /// As in `.gitignore`, a glob that matches one of the file's directories matches the file:
  /// `tests` and `tests/` cover everything in a `tests` directory.
  func applies(toRelative components: [Substring]?, name: Substring) -> Bool {
    var matched = false
    if let components {
      for last in components.indices {
        let isDirectory = last < components.count - 1
        if pattern.matches(Array(components[...last]), isDirectory: isDirectory) {
          matched = true
          break
        }
      }
    } else {
      matched = !pattern.isAnchored && pattern.matches([name], isDirectory: false)
    }
    return matched != pattern.isNegated
  }
}
