#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of one source file and a lazily built table of line starts.
///
/// Everything in PythonSyntax works on byte offsets into this buffer (`UInt32`); lines and columns
/// are computed only when a position is shown to a person or compared with CPython's `ast`.
/// Line breaks are `\n`, `\r\n` and a lone `\r`, as CPython's universal-newline reading sees them.
/// Trees sharing a buffer may be read from several threads: the lazy table is built under a lock
/// (building it eagerly in `init` cost about 11% of parsing throughput on the standard library).
public final class SourceBuffer: @unchecked Sendable {
  /// The file's bytes, exactly as read.
  public let bytes: [UInt8]
  /// Offsets at which each line starts; line 1 starts at 0. Built on first use, under `lock`.
  private var lineStartsStorage: [UInt32]?
  private let lock = MutexLock()

  public init(_ bytes: [UInt8]) {
    self.bytes = bytes
  }

  public convenience init(_ text: String) {
    self.init(Array(text.utf8))
  }

  public var count: Int { bytes.count }

  /// Start offsets of every line (line N starts at `lineStarts[N - 1]`).
  public var lineStarts: [UInt32] {
    lock.withLock {
      if let starts = lineStartsStorage { return starts }
      let starts = Self.lineStarts(of: bytes)
      lineStartsStorage = starts
      return starts
    }
  }

  private static func lineStarts(of bytes: [UInt8]) -> [UInt32] {
    var starts: [UInt32] = [0]
    starts.reserveCapacity(bytes.count / 30 + 1)
    bytes.withUnsafeBufferPointer { buffer in
      var index = 0
      let end = buffer.count
      while index < end {
        let byte = buffer[index]
        // Most bytes are neither break: one comparison each.
        if byte > UInt8(ascii: "\r") {
          index += 1
          continue
        }
        if byte == UInt8(ascii: "\n") {
          starts.append(UInt32(index + 1))
        } else if byte == UInt8(ascii: "\r") {
          if index + 1 < end && buffer[index + 1] == UInt8(ascii: "\n") { index += 1 }
          starts.append(UInt32(index + 1))
        }
        index += 1
      }
    }
    return starts
  }

  /// The 1-based line holding `offset` (an offset equal to `count` is on the last line).
  public func line(of offset: UInt32) -> Int {
    let starts = lineStarts
    var low = 0
    var high = starts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if starts[middle] <= offset { low = middle } else { high = middle - 1 }
    }
    return low + 1
  }

  /// Line (1-based) and column (0-based, in UTF-8 bytes, as CPython's `ast` counts) of `offset`.
  public func location(of offset: UInt32) -> SourceLocation {
    let line = line(of: offset)
    return SourceLocation(line: line, byteColumn: Int(offset - lineStarts[line - 1]), offset: offset)
  }

  /// 0-based column of `offset` counted in Unicode scalar values (as ruff's JSON counts);
  /// bytes that are not valid UTF-8 count one each.
  public func scalarColumn(of offset: UInt32) -> Int {
    let start = Int(lineStarts[line(of: offset) - 1])
    var column = 0
    var index = start
    while index < Int(offset) {
      let byte = bytes[index]
      // Continuation bytes (10xxxxxx) do not start a scalar.
      if byte & 0xC0 != 0x80 { column += 1 }
      index += 1
    }
    return column
  }

  /// The bytes of line `line` (1-based) without its line break.
  public func lineText(_ line: Int) -> ArraySlice<UInt8> {
    let starts = lineStarts
    guard line >= 1 && line <= starts.count else { return [] }
    let start = Int(starts[line - 1])
    var end = line < starts.count ? Int(starts[line]) : bytes.count
    while end > start && (bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r")) {
      end -= 1
    }
    return bytes[start..<end]
  }

  /// The text of a byte range, decoded leniently (invalid UTF-8 becomes U+FFFD).
  public func text(_ range: Range<UInt32>) -> String {
    String(decoding: bytes[Int(range.lowerBound)..<Int(range.upperBound)], as: UTF8.self)
  }
}

/// A position in a source file.
public struct SourceLocation: Hashable, Sendable {
  /// 1-based line.
  public var line: Int
  /// 0-based column in UTF-8 bytes.
  public var byteColumn: Int
  /// Byte offset in the file.
  public var offset: UInt32

  public init(line: Int, byteColumn: Int, offset: UInt32) {
    self.line = line
    self.byteColumn = byteColumn
    self.offset = offset
  }
}
