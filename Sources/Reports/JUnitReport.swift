import Engine

/// Which command the JUnit report describes: `check` reports findings; `fix` also reports each
/// applied fix as a passing test case.
public enum ReportMode: Hashable, Sendable {
  case check
  case fix

  /// `diff` writes nothing, so its report is a `check` report of what remains.
  public init(_ mode: RunMode) {
    self = mode == .fix ? .fix : .check
  }
}

/// The JUnit XML report (DESIGN §5), written with libxml2's xmlTextWriter.
///
/// One `<testsuite>` per file; one failing `<testcase>` per finding; a file that could not be
/// read, or does not parse (AF001), gives `<error>`s instead: CI should show "the tool could not
/// check this" apart from "the check found a pitfall". A file with nothing to report gets one
/// passing test case named `asyncfix`, because Jenkins drops suites without test cases. The
/// format and its order are pinned by `Schemas/asyncfix-junit.xsd`.
public enum JUnitReport {
  public struct Options: Sendable {
    /// Leave out `testcase/@file` and `@line`, which the plain Jenkins xUnit schema rejects.
    public var strict: Bool
    /// `fix` mode: each fix a file's report lists as applied becomes a passing test case named
    /// `… fixed` with its hunk in `<system-out>`.
    public var mode: ReportMode

    public init(strict: Bool = false, mode: ReportMode = .check) {
      self.strict = strict
      self.mode = mode
    }
  }

  /// The whole report as UTF-8. Never fails for content: characters XML 1.0 forbids are removed
  /// and invalid UTF-8 becomes U+FFFD before anything is written.
  public static func render(_ run: CheckRun, options: Options = Options(), clock: ReportClock = .system) -> [UInt8] {
    let suites = run.reports.map { Suite($0, options: options) }
    let writer = XMLWriter()
    writer.startElement("testsuites")
    writer.attribute("name", "asyncfix")
    writer.attribute("tests", String(suites.reduce(0) { $0 + $1.cases.count }))
    writer.attribute("failures", String(suites.reduce(0) { $0 + $1.failures }))
    writer.attribute("errors", String(suites.reduce(0) { $0 + $1.errors }))
    writer.attribute("time", seconds(clock.elapsed))
    for suite in suites {
      write(suite, to: writer, options: options, clock: clock)
    }
    writer.endElement()
    return writer.finish()
  }

  private static func write(_ suite: Suite, to writer: XMLWriter, options: Options, clock: ReportClock) {
    writer.startElement("testsuite")
    writer.attribute("name", suite.path)
    writer.attribute("tests", String(suite.cases.count))
    writer.attribute("failures", String(suite.failures))
    writer.attribute("errors", String(suite.errors))
    writer.attribute("skipped", "0")
    // Per-file time is not measured (files are checked in parallel); the total is on testsuites.
    writer.attribute("time", seconds(0))
    writer.attribute("timestamp", clock.timestamp)
    writer.attribute("hostname", clock.hostname)
    writer.attribute("file", suite.path)
    for testCase in suite.cases {
      writer.startElement("testcase")
      writer.attribute("classname", suite.className)
      writer.attribute("name", testCase.name)
      if !options.strict {
        writer.attribute("file", suite.path)
        if let line = testCase.line { writer.attribute("line", String(line)) }
      }
      writer.attribute("time", seconds(0))
      switch testCase.outcome {
      case .passed: break
      case .failure(let type, let message, let text), .error(let type, let message, let text):
        writer.startElement(testCase.outcome.isError ? "error" : "failure")
        writer.attribute("message", message)
        writer.attribute("type", type)
        writer.text(text)
        writer.endElement()
      }
      if let output = testCase.systemOut {
        writer.startElement("system-out")
        writer.text(output)
        writer.endElement()
      }
      writer.endElement()
    }
    writer.endElement()
  }

  /// `value` seconds with three decimals (`1.250`), never negative.
  static func seconds(_ value: Double) -> String {
    let millis = value.isFinite ? max(0, Int((value * 1000).rounded())) : 0
    let fraction = String(millis % 1000)
    return "\(millis / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
  }
}
