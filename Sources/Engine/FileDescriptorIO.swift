#if canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#else
import Glibc
#endif

/// `read(2)` and `write(2)` on raw descriptors, retried when a signal interrupts them. Shared by
/// file loading, atomic writes and the command line's output, which all avoid Foundation's file
/// APIs so that every failure keeps its exact `errno`.
public enum FileDescriptorIO {
  /// Writes every byte of `bytes`; returns `nil`, or the `errno` of the write that failed.
  public static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
    var offset = 0
    while offset < bytes.count {
      let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        return errno
      }
      offset += written
    }
    return nil
  }

  /// Reads at most `count` bytes into `buffer`: the number read (0 at end of file), or -1 with
  /// `errno` set.
  public static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawPointer, count: Int) -> Int {
    while true {
      let result = systemRead(descriptor, buffer, count)
      if result < 0 && errno == EINTR { continue }
      return result
    }
  }
}

/// `write(2)`, named apart from any `write` in scope.
@inline(__always)
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  #if canImport(Darwin)
  Darwin.write(descriptor, buffer, count)
  #elseif canImport(Musl)
  Musl.write(descriptor, buffer, count)
  #else
  Glibc.write(descriptor, buffer, count)
  #endif
}

/// `read(2)`, named apart from any `read` in scope.
@inline(__always)
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  #if canImport(Darwin)
  Darwin.read(descriptor, buffer, count)
  #elseif canImport(Musl)
  Musl.read(descriptor, buffer, count)
  #else
  Glibc.read(descriptor, buffer, count)
  #endif
}
