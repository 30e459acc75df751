#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// When, where and how long a run happened, as the JUnit report states it.
///
/// A value rather than calls to the system so that tests and the golden files can fix all three
/// (`ReportClock(timestamp: "2026-01-01T00:00:00", hostname: "localhost", elapsed: 0)`) and compare
/// whole documents byte for byte, with no regular expressions over the output.
public struct ReportClock: Hashable, Sendable {
  /// UTC, `yyyy-MM-ddTHH:mm:ss`, no zone (what the Jenkins/Ant format expects).
  public var timestamp: String
  public var hostname: String
  /// Seconds the run took; the report writes it with three decimals.
  public var elapsed: Double

  public init(timestamp: String, hostname: String, elapsed: Double) {
    self.timestamp = timestamp
    self.hostname = hostname
    self.elapsed = elapsed
  }

  /// Now, this machine's host name, and no elapsed time.
  public static var system: ReportClock { system(since: nil) }

  /// Now, this machine's host name, and the time since `start` (the front end takes it when the
  /// run begins).
  public static func system(since start: ContinuousClock.Instant?) -> ReportClock {
    let elapsed = start.map { start in
      let duration = ContinuousClock.now - start
      return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
    return ReportClock(timestamp: utcTimestamp(time(nil)), hostname: hostName(), elapsed: elapsed ?? 0)
  }

  /// `seconds` since the epoch as `yyyy-MM-ddTHH:mm:ss` in UTC.
  static func utcTimestamp(_ seconds: time_t) -> String {
    var value = seconds
    var parts = tm()
    gmtime_r(&value, &parts)
    func two(_ number: Int32) -> String { number < 10 ? "0\(number)" : "\(number)" }
    return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))"
      + "T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))"
  }

  static func hostName() -> String {
    var name = [CChar](repeating: 0, count: 256)
    guard gethostname(&name, name.count - 1) == 0 else { return "localhost" }
    let host = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return host.isEmpty ? "localhost" : host
  }
}
