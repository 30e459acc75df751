import ArgumentParser
import Engine

/// `asyncfix fix`: apply fixes in place, then report what remains.
struct Fix: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Apply fixes to Python files in place, then report what remains.",
    discussion: """
      Safe fixes are applied (unsafe ones too with --unsafe-fixes), pass after pass until \
      none applies; each pass is re-parsed and checked again. Only files whose content \
      changes are written, atomically, keeping their permissions. A file changed on disk \
      since it was read, a read-only file, a pass that would break the syntax, or fixes that \
      do not converge are errors for that file (exit status 2); the other files are still \
      fixed. The report lists the findings left in the fixed files, then 'Fixed N findings \
      in M files.'

      With --stdin-filename NAME, the source is read from standard input and the fixed \
      source written to standard output; the report then goes to standard error.

      Examples:
        asyncfix fix Examples             fix a directory
        asyncfix fix --unsafe-fixes app   also apply unsafe fixes
        asyncfix fix --stdin-filename main.py < main.py > fixed.py

      Exit status: 0 no findings remain, 1 findings remain, 2 a file, path or \
      configuration could not be used or written, 64 bad usage.
      """
  )

  @OptionGroup var options: SharedOptions

  @Argument(help: ArgumentHelp("Files or directories to fix (default: the current directory).", valueName: "path"))
  var paths: [String] = []

  func run() throws {
    try FileCommand.run(.fix, paths: paths, options: options)
  }
}
