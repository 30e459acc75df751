import Foundation
import XCTest

@testable import Engine

final class SourceFileTests: XCTestCase {
  func testReadsBytesExactly() throws {
    let directory = try TemporaryDirectory()
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF, 0x78, 0x0D, 0x0A, 0x00, 0xFF]
    let path = try directory.write("a.py", bytes: bytes)
    XCTAssertEqual(try SourceFile.read(path).get(), bytes)
    XCTAssertEqual(try SourceFile.read(try directory.write("empty.py", "")).get(), [])
  }

  func testReadsFilesLargerThanOneBuffer() throws {
    let directory = try TemporaryDirectory()
    let bytes = [UInt8](repeating: UInt8(ascii: "x"), count: 3_000_000)
    XCTAssertEqual(try SourceFile.read(try directory.write("big.py", bytes: bytes)).get().count, bytes.count)
  }

  func testErrorsNameTheFileAndTheReason() throws {
    let directory = try TemporaryDirectory()
    let missing = directory.path + "/missing.py"
    XCTAssertEqual(SourceFile.read(missing).failure, FileError(path: missing, reason: .notFound))
    XCTAssertEqual(SourceFile.read(directory.path).failure, FileError(path: directory.path, reason: .isDirectory))
    let underFile = try directory.write("file.py") + "/x.py"
    XCTAssertEqual(SourceFile.read(underFile).failure?.reason, .notFound)
    XCTAssertEqual(FileError(path: "a.py", reason: .isDirectory).description, "a.py: Is a directory")
    XCTAssertEqual(FileError(path: "a.py", reason: .notFound).message, "No such file or directory")
  }

  func testFifoIsRefusedInsteadOfBlocking() throws {
    let directory = try TemporaryDirectory()
    let fifo = directory.path + "/pipe.py"
    XCTAssertEqual(mkfifo(fifo, 0o600), 0)
    XCTAssertEqual(SourceFile.read(fifo).failure, FileError(path: fifo, reason: .notRegularFile))
  }

  func testPermissionDenied() throws {
    XCTAssertEqual(FileError(path: "p.py", errno: EACCES).reason, .permissionDenied)
    XCTAssertEqual(FileError(path: "p.py", errno: EACCES).message, "Permission denied")
    if geteuid() == 0 { throw XCTSkip("running as root: file permissions do not stop reading") }
    let directory = try TemporaryDirectory()
    let path = try directory.write("secret.py")
    XCTAssertEqual(chmod(path, 0), 0)
    XCTAssertEqual(SourceFile.read(path).failure, FileError(path: path, reason: .permissionDenied))
  }
}

extension Result {
  var failure: Failure? {
    if case .failure(let error) = self { return error }
    return nil
  }
}
