import ArgumentParser
import Engine

/// `asyncfix diff`: what `fix` would write, as a unified diff.
struct Diff: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the fixes as a unified diff; write nothing.",
    discussion: """
      Prints one unified diff per file that 'asyncfix fix' would change, with the same \
      options, exactly what it would write: '--- a/PATH' and '+++ b/PATH' with the paths as \
      given, three lines of context. 'git apply' and 'patch -p1' accept it from the \
      directory the paths are relative to. A count of the fixes goes to standard error.

      Examples:
        asyncfix diff Examples            preview the fixes of a directory
        asyncfix diff app | git apply     the same as 'asyncfix fix app'
        asyncfix diff --stdin-filename main.py < main.py

      Exit status: 0 no changes, 1 the diff is not empty, 2 a file, path or \
      configuration could not be used, 64 bad usage.
      """
  )

  @OptionGroup var options: SharedOptions

  @Argument(help: ArgumentHelp("Files or directories to diff (default: the current directory).", valueName: "path"))
  var paths: [String] = []

  func run() throws {
    try FileCommand.run(.diff, paths: paths, options: options)
  }
}
