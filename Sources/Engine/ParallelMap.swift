import Dispatch
import Foundation

/// Runs per-file work on up to `jobs` threads and returns the results in input order.
///
/// Workers take the next index from a shared counter, so one slow file does not hold up a
/// whole stripe of others, and write into a preallocated buffer slot that no other worker
/// touches. The order of the output therefore never depends on scheduling or core count.
enum ParallelMap {
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
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while let index = counter.next() {
        storage.store(transform(elements[index]), at: index)
      }
    }
    // Every index below `count` was handed out exactly once and stored.
    return slots.map { $0! }
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
/// read only after `concurrentPerform` returned, so no lock is needed.
private struct SlotStorage<Result>: @unchecked Sendable {
  let slots: UnsafeMutableBufferPointer<Result?>

  init(_ slots: UnsafeMutableBufferPointer<Result?>) { self.slots = slots }

  func store(_ result: Result, at index: Int) { slots[index] = result }
}
