import Foundation
import XCTest

/// A fresh directory under the system's temporary folder, removed when the test ends.
final class TemporaryDirectory {
  let path: String

  init(file: StaticString = #filePath, line: UInt = #line) throws {
    let base = NSTemporaryDirectory() + "asyncfix-engine-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
    path = base
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }

  /// Writes `contents` at `relativePath`, creating the folders on the way.
  @discardableResult
  func write(_ relativePath: String, _ contents: String = "x = 1\n") throws -> String {
    try write(relativePath, bytes: Array(contents.utf8))
  }

  @discardableResult
  func write(_ relativePath: String, bytes: [UInt8]) throws -> String {
    let full = path + "/" + relativePath
    try FileManager.default.createDirectory(
      atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(bytes).write(to: URL(fileURLWithPath: full))
    return full
  }

  func makeDirectory(_ relativePath: String) throws {
    try FileManager.default.createDirectory(atPath: path + "/" + relativePath, withIntermediateDirectories: true)
  }

  func symlink(_ relativePath: String, to destination: String) throws {
    try FileManager.default.createSymbolicLink(atPath: path + "/" + relativePath, withDestinationPath: destination)
  }
}
