import Dispatch
import PythonSyntax
import XCTest

final class SourceBufferTests: XCTestCase {
  func testLineStartsForEveryLineBreakKind() {
    let buffer = SourceBuffer("a\nb\r\nc\rd")
    XCTAssertEqual(buffer.lineStarts, [0, 2, 5, 7])
    XCTAssertEqual(buffer.line(of: 6), 3)
    XCTAssertEqual(Array(buffer.lineText(2)), Array("b".utf8))
  }

  /// One buffer read from many threads at once, as the engine does with shared trees: every
  /// reader sees the same table. (The race this guards against shows under
  /// `swift test --sanitize=thread`.)
  func testLineStartsAreSafeToBuildFromManyThreads() {
    for _ in 0..<50 {
      let buffer = SourceBuffer(String(repeating: "x = 1\n", count: 2_000))
      let results = Results()
      DispatchQueue.concurrentPerform(iterations: 8) { index in
        results.set(index, buffer.lineStarts.count + buffer.line(of: UInt32(6 * index)))
      }
      for index in 0..<8 { XCTAssertEqual(results.values[index], 2_001 + index + 1) }
    }
  }
}

private final class Results: @unchecked Sendable {
  private let lock = NSLock()
  private(set) var values = [Int](repeating: 0, count: 8)

  func set(_ index: Int, _ value: Int) {
    lock.lock()
    values[index] = value
    lock.unlock()
  }
}
