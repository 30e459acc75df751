import Foundation
import XCTest

@testable import Engine

final class AtomicWriteTests: XCTestCase {
  private func contents(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
  }

  private func mode(_ path: String) throws -> Int {
    try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
  }

  private func entries(_ directory: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
  }

  private func replace(_ path: String, _ original: String, _ new: String) -> Result<WriteOutcome, WriteError> {
    AtomicWrite.replaceContents(of: path, original: Array(original.utf8), with: Array(new.utf8))
  }

  func testWritesNewContentAndKeepsPermissionBits() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("tool.py", "old\n")
    try FileManager.default.setAttributes([.posixPermissions: 0o750], ofItemAtPath: path)
    XCTAssertEqual(replace(path, "old\n", "new\r\n"), .success(.written))
    XCTAssertEqual(contents(path), "new\r\n")
    XCTAssertEqual(try mode(path), 0o750)
    XCTAssertEqual(try entries(directory.path), ["tool.py"], "no temporary file is left")
  }

  func testUnchangedContentIsNotWritten() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("a.py", "same\n")
    let before = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
    try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
    XCTAssertEqual(replace(path, "same\n", "same\n"), .success(.unchanged), "not even checked: nothing to write")
    XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int, before)
  }

  func testASymlinksTargetIsWrittenAndTheLinkKept() throws {
    let directory = try TemporaryDirectory()
    let target = try directory.write("real/target.py", "old\n")
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: target)
    try directory.symlink("link.py", to: "real/target.py")
    let link = directory.path + "/link.py"
    XCTAssertEqual(replace(link, "old\n", "new\n"), .success(.written))
    XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), "real/target.py")
    XCTAssertEqual(contents(target), "new\n")
    XCTAssertEqual(try mode(target), 0o600)
    XCTAssertEqual(try entries(directory.path + "/real"), ["target.py"])
  }

  func testAFileChangedSinceItWasReadIsNotWritten() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("a.py", "someone else's edit\n")
    let other = try directory.write("b.py", "old\n")
    let result = replace(path, "what we read\n", "our fix\n")
    XCTAssertEqual(result, .failure(WriteError(path: path, reason: .modifiedSinceRead)))
    XCTAssertEqual(contents(path), "someone else's edit\n")
    XCTAssertEqual(replace(other, "old\n", "new\n"), .success(.written), "the other files still proceed")
    if case .failure(let error) = result {
      XCTAssertEqual(error.description, "\(path): not written: the file changed on disk since it was read")
    }
    try FileManager.default.removeItem(atPath: other)
    XCTAssertEqual(replace(other, "new\n", "newer\n").failureReason, .system(operation: "resolve", errno: ENOENT, message: "No such file or directory"))
  }

  func testReadOnlyFilesAndDirectoriesGiveErrorsNamingTheFile() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("ro.py", "old\n")
    try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
    let result = replace(path, "old\n", "new\n")
    XCTAssertEqual(result.failureReason, .readOnlyFile)
    XCTAssertEqual(contents(path), "old\n")
    if case .failure(let error) = result { XCTAssertTrue(error.description.hasPrefix(path + ": ")) }

    let locked = try directory.write("locked/a.py", "old\n")
    let lockedDirectory = directory.path + "/locked"
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: lockedDirectory)
    defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: lockedDirectory) }
    let resolvedDirectory = AtomicWrite.resolvedPath(lockedDirectory)!
    XCTAssertEqual(replace(locked, "old\n", "new\n").failureReason, .readOnlyDirectory(resolvedDirectory))
    XCTAssertEqual(contents(locked), "old\n")
    XCTAssertEqual(try entries(lockedDirectory), ["a.py"])
  }

  func testDirectoriesAreNotRegularFiles() throws {
    let directory = try TemporaryDirectory()
    try directory.makeDirectory("pkg.py")
    XCTAssertEqual(replace(directory.path + "/pkg.py", "a", "b").failureReason, .notRegularFile)
  }

  func testLargeContentIsWrittenWhole() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("big.py", "x = 1\n")
    let big = Array(repeating: Array("value = 123456789\n".utf8), count: 200_000).flatMap { $0 }
    XCTAssertEqual(AtomicWrite.replaceContents(of: path, original: Array("x = 1\n".utf8), with: big), .success(.written))
    XCTAssertEqual(FileManager.default.contents(atPath: path).map(Array.init), big)
  }
}

extension Result where Failure == WriteError {
  var failureReason: WriteError.Reason? {
    if case .failure(let error) = self { return error.reason }
    return nil
  }
}
