import Engine

extension JUnitReport {
  /// One file's test cases, decided before anything is written so the counts come first.
  struct Suite {
    var path: String
    var className: String
    var cases: [TestCase] = []
    var failures: Int { cases.count { if case .failure = $0.outcome { true } else { false } } }
    var errors: Int { cases.count(where: \.outcome.isError) }

    init(_ report: FileReport, options: Options) {
      path = report.path
      className = Self.className(report.path)
      var names = UniqueNames()
      if let error = report.error {
        cases.append(
          TestCase(
            name: names.claim("asyncfix"), line: nil,
            outcome: .error(type: "read-error", message: error.description, text: error.description)))
      }
      for (index, problem) in report.problems.enumerated() {
        let message = "\(report.path): \(problem)"
        cases.append(
          TestCase(
            name: names.claim("asyncfix problem \(index + 1)"), line: nil,
            outcome: .error(type: "fix-error", message: Self.oneLine(message), text: message)))
      }
      if options.mode == .fix {
        appendFixed(report, names: &names)
      }
      let reporter = TextReporter(style: .plain)
      for finding in report.findings {
        let name = names.claim("\(finding.code) \(finding.name) at \(finding.start.line):\(finding.start.column)")
        // `path:line:col: CODE message`, then the source line, the carets and the help line.
        let text =
          reporter.header(finding, fixMode: report.fixMode) + "\n" + reporter.snippet(finding, fixMode: report.fixMode)
        let message = Self.oneLine(finding.message)
        // AF001: the file does not parse, so it could not be fully checked: an error, not a failure.
        let outcome: Outcome =
          finding.code == RuleCatalog.syntaxError.code
          ? .error(type: finding.code, message: message, text: text)
          : .failure(type: finding.code, message: message, text: text)
        cases.append(TestCase(name: name, line: finding.start.line, outcome: outcome))
      }
      if !cases.contains(where: { $0.outcome != .passed }) {
        cases.append(TestCase(name: names.claim("asyncfix"), line: nil, outcome: .passed))
      }
    }

    private mutating func appendFixed(_ report: FileReport, names: inout UniqueNames) {
      for applied in report.appliedFixes {
        let finding = applied.finding
        let name = names.claim(
          "\(finding.code) \(finding.name) at \(finding.start.line):\(finding.start.column) fixed")
        cases.append(
          TestCase(name: name, line: finding.start.line, outcome: .passed, systemOut: Self.hunkText(applied.hunk)))
      }
    }

    /// `app/main.py` → `app.main`: the path as a dotted name, the way test classes are named.
    static func className(_ path: String) -> String {
      var name = Substring(path)
      // Only literal `./` prefixes and one leading `/` go: a hidden directory keeps its dot and
      // `../x.py` stays distinct from `x.py`.
      if name.hasPrefix("/") { name = name.dropFirst() }
      while name.hasPrefix("./") { name = name.dropFirst(2) }
      if name.hasSuffix(".py") { name = name.dropLast(3) }
      return String(name.replacing("/", with: "."))
    }

    /// `message` for an attribute: its lines joined by spaces.
    static func oneLine(_ message: String) -> String {
      message.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// The hunk as `@@ line N` then `-` and `+` lines, enough to see what the fix did.
    static func hunkText(_ hunk: FixHunk) -> String {
      func lines(_ bytes: [UInt8], _ marker: String) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
          .dropLast(text.last?.isNewline == true || text.isEmpty ? 1 : 0)
          .map { marker + $0 + "\n" }.joined()
      }
      return "@@ line \(hunk.line)\n" + lines(hunk.original, "-") + lines(hunk.fixed, "+")
    }
  }

  struct TestCase {
    var name: String
    var line: Int?
    var outcome: Outcome
    var systemOut: String? = nil
  }

  enum Outcome: Equatable {
    case passed
    case failure(type: String, message: String, text: String)
    case error(type: String, message: String, text: String)

    var isError: Bool { if case .error = self { true } else { false } }
  }

  /// Test case names unique within a file (GitLab drops duplicates): the second use of a name
  /// becomes `name (2)`, and so on.
  struct UniqueNames {
    private var used: Set<String> = []

    mutating func claim(_ name: String) -> String {
      var candidate = name
      var number = 1
      while used.contains(candidate) {
        number += 1
        candidate = "\(name) (\(number))"
      }
      used.insert(candidate)
      return candidate
    }
  }
}
