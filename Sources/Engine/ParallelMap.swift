import Dispatch
import Foundation

/// Runs per-file work on up to `jobs` threads and returns the results in input order.
///
/// Workers take the next index from a shared counter, so one slow file does not hold up a
/// whole stripe of others, and write into a preallocated buffer slot that no other worker
/// touches. The order of the output therefore never depends on scheduling or core count.
///
/// The workers are threads of our own with a large stack rather than Dispatch's workers:
/// parsing recurses once per nesting level (bounded at 200 levels), and unoptimised builds
/// (`swift run`) need about 9 KB of stack per level, more than a Dispatch worker's 512 KB.
enum ParallelMap {
  /// Stack size of each worker: ample for the parser's nesting limit in a debug build. Only
  /// the pages actually touched are ever committed.
  static let workerStackSize = 32 << 20

  static func map<Element: Sendable, Result: Sendable>(
    _ elements: [Element], jobs: Int, _ transform: @Sendable (Element) -> Result
  ) -> [Result] {
    let count = elements.count
    let workers = max(1, min(jobs, count))
    if workers == 1 { return elements.map(transform) }

    let slots = UnsafeMutableBufferPointer<Result?>.allocate(capacity: count)
    slots.initialize(repeating: nil)
    defer { slots.deallocate() }
    let counter = IndexCounter(limit: count)
    let storage = SlotStorage(slots)
    // The work cannot outlive this call: it waits for every worker, and each worker drops its
    // reference to `transform` before it signals (a `Thread` keeps its closure for longer).
    withoutActuallyEscaping(transform) { transform in
      let finished = DispatchGroup()
      for _ in 0..<workers {
        finished.enter()
        let work = WorkerBody {
          while let index = counter.next() {
            storage.store(transform(elements[index]), at: index)
          }
        }
        let thread = Thread {
          work.runOnce()
          finished.leave()
        }
        thread.stackSize = workerStackSize
        thread.start()
      }
      finished.wait()
    }
    // Every index below `count` was handed out exactly once and stored.
    return slots.map { $0! }
  }
}

/// A worker's loop, released as soon as it has run so nothing holds the per-call closure after
/// `map` returns.
private final class WorkerBody: @unchecked Sendable {
  private var body: (() -> Void)?

  init(_ body: @escaping () -> Void) { self.body = body }

  /// Runs the body and releases it; only the worker's own thread calls this.
  func runOnce() {
    body?()
    body = nil
  }
}

/// Hands out 0, 1, 2, … up to a limit, one index per call, across threads.
private final class IndexCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var value = 0
  private let limit: Int

  init(limit: Int) { self.limit = limit }

  func next() -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard value < limit else { return nil }
    value += 1
    return value - 1
  }
}

/// The result buffer, shared by the workers: each index is written by exactly one of them, and
/// read only after every worker left the group, so no lock is needed.
private struct SlotStorage<Result>: @unchecked Sendable {
  let slots: UnsafeMutableBufferPointer<Result?>

  init(_ slots: UnsafeMutableBufferPointer<Result?>) { self.slots = slots }

  func store(_ result: Result, at index: Int) { slots[index] = result }
}
