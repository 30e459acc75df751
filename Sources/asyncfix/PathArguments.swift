import ArgumentParser

/// Paths after `--`, handed to `check`, `fix` and `diff` without going through the argument
/// parser.
///
/// swift-argument-parser stores a repeated positional value by copying the values so far, so
/// its cost grows with the square of the number of paths: 1,726 paths (a file list from
/// `git ls-files`, `xargs` or pre-commit) took 0.15 s of CPU before any file was read — a fifth
/// of checking them. After `--` nothing can be an option (POSIX), so those arguments are taken
/// off the command line first and appended to the command's paths once it is parsed.
enum PathArguments {
  /// The arguments before `--` (with `--` itself when a subcommand cannot take paths), and the
  /// paths after it, if any.
  static func split(_ arguments: [String]) -> (options: [String], paths: [String]?) {
    guard let separator = arguments.firstIndex(of: "--") else { return (arguments, nil) }
    let paths = Array(arguments[(separator + 1)...])
    // Only the commands that take paths: `explain -- AF102` keeps its separator.
    let command = arguments[..<separator].first { !$0.hasPrefix("-") }
    guard command == nil || ["check", "fix", "diff"].contains(command!) else { return (arguments, nil) }
    return (Array(arguments[..<separator]), paths)
  }

  /// `command` with `paths` after the paths it was given.
  static func append(_ paths: [String], to command: any ParsableCommand) throws -> any ParsableCommand {
    switch command {
    case var check as Check:
      check.paths += paths
      return check
    case var fix as Fix:
      fix.paths += paths
      return fix
    case var diff as Diff:
      diff.paths += paths
      return diff
    default:
      throw ValidationError("'--' is followed by paths only for check, fix and diff.")
    }
  }
}
