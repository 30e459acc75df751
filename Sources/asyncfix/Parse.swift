import ArgumentParser
import Engine
import PythonSyntax
import Reports

/// `asyncfix parse`: show how a file parses.
struct Parse: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print a file's syntax errors, or its syntax tree with --tree.",
    discussion: """
      Without --tree, prints each syntax error as 'path:line:col: AF001 message' (JSON with \
      --format json), or nothing when the file parses. With --tree, prints the syntax tree: an \
      indented outline, or with --format json nested objects carrying CPython's ast class names \
      and positions; syntax errors then go to standard error.

      Examples:
        asyncfix parse main.py
        asyncfix parse --tree main.py
        asyncfix parse --tree --format json main.py

      Exit status: 0 the file parses, 1 it has syntax errors, 2 it could not be read, 64 bad usage.
      """
  )

  @Flag(help: "Print the syntax tree.")
  var tree = false

  @Option(help: "Print the errors or the tree as text or as JSON.")
  var format: OutputFormat = .text

  @Argument(help: "The Python file to parse.")
  var file: String

  func run() throws {
    let bytes: [UInt8]
    switch SourceFile.read(file) {
    case .success(let contents): bytes = contents
    case .failure(let error):
      Output.error("error: \(error.path): \(error.message)")
      throw ExitCode(2)
    }
    let syntaxTree = SyntaxTree.parse(SourceBuffer(bytes))
    let findings = SyntaxErrorFindings.findings(in: syntaxTree, path: file)
    let reporter = TextReporter()
    if tree {
      for finding in findings { Output.error(reporter.header(finding)) }
      switch format {
      case .text: Output.write(terminated(SyntaxTreeRenderer.text(syntaxTree)))
      case .json: Output.write(terminated(SyntaxTreeRenderer.json(syntaxTree)))
      }
    } else {
      switch format {
      case .text: Output.write(reporter.conciseReport(findings))
      case .json: Output.write(JSONReporter.report(findings))
      }
    }
    if !findings.isEmpty { throw ExitCode(1) }
  }

  /// `text` ending in exactly one newline, whatever the renderer returns.
  private func terminated(_ text: String) -> String {
    text.hasSuffix("\n") ? text : text + "\n"
  }
}
