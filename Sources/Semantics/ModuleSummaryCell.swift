import PythonSyntax

/// A module's summary, made the first time a rule needs it.
///
/// Phase one of a run used to parse and model every file and keep them all for phase two:
/// on CPython's standard library that held 294 MB and cost as much again as the rules. Most
/// summaries are never read (a rule asks about a module only when a coroutine calls one of its
/// names without awaiting it), so the index now holds a cell per module that loads on demand,
/// under a lock, whichever thread asks first. Two threads asking at once may both load; the
/// first stored value wins, so every reader sees the same summary. The checker loads from the
/// bytes it read in phase one, never from disk, so a file `fix` rewrites meanwhile still has
/// its summary as read.
public final class ModuleSummaryCell: @unchecked Sendable {
  private let lock = MutexLock()
  private var stored: ModuleSummary?
  private let load: @Sendable () -> ModuleSummary

  /// A cell that runs `load` on first use.
  public init(load: @escaping @Sendable () -> ModuleSummary) {
    self.load = load
  }

  /// A cell holding `summary` already.
  public convenience init(_ summary: ModuleSummary) {
    self.init(load: { summary })
    stored = summary
  }

  /// The summary, loaded now if nobody has yet.
  public var value: ModuleSummary {
    if let known = lock.withLock({ stored }) { return known }
    return storeIfAbsent(load())
  }

  /// Stores `summary` unless one is stored already; returns the one stored.
  @discardableResult
  public func storeIfAbsent(_ summary: ModuleSummary) -> ModuleSummary {
    lock.withLock {
      if let stored { return stored }
      stored = summary
      return summary
    }
  }
}
