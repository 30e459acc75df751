import Foundation
import XCTest
@testable import PythonSyntax

/// CPython 3.13's standard library, the reference corpus of DESIGN §7: 1,726 `.py` files (33 MB)
/// outside `site-packages`, of which 4 under `test/tokenizedata/` are invalid on purpose.
enum StandardLibrary {
  static let pythonRoot = "/root/.pyenv/versions/3.13.0"
  static let directory = pythonRoot + "/lib/python3.13"
  static let interpreter = pythonRoot + "/bin/python3.13"

  /// The files CPython itself rejects, and what it says (line 1-based, column 1-based or nil).
  static let invalidFiles: [String: (line: Int, column: Int?, message: String)] = [
    "test/tokenizedata/bad_coding.py": (1, nil, "unknown encoding"),
    "test/tokenizedata/bad_coding2.py": (1, nil, "encoding problem: utf8 with BOM"),
    "test/tokenizedata/badsyntax_3131.py": (2, 1, "invalid character"),
    "test/tokenizedata/badsyntax_pep3120.py": (1, nil, "utf-8"),
  ]

  /// Every `.py` file below `directory` except under `site-packages`, as sorted relative paths;
  /// `nil` when the directory is missing.
  static let files: [String]? = pythonFiles(in: directory, skippingSitePackages: true)

  /// The `.py` files below `directory` as sorted relative paths (`nil` when it does not exist).
  static func pythonFiles(in directory: String, skippingSitePackages: Bool) -> [String]? {
    let root = URL(fileURLWithPath: directory)
    guard FileManager.default.fileExists(atPath: directory),
      let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
    else { return nil }
    var paths: [String] = []
    let prefix = root.standardizedFileURL.path + "/"
    for case let url as URL in enumerator {
      if skippingSitePackages && url.lastPathComponent == "site-packages" {
        enumerator.skipDescendants()
        continue
      }
      guard url.pathExtension == "py", (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true
      else { continue }
      let path = url.standardizedFileURL.path
      guard path.hasPrefix(prefix) else { continue }
      paths.append(String(path.dropFirst(prefix.count)))
    }
    return paths.sorted()
  }

  /// `files`, or skips the test when the standard library is not installed.
  static func requireFiles() throws -> [String] {
    guard let files, !files.isEmpty else {
      throw XCTSkip("CPython 3.13's standard library is not at \(directory)")
    }
    return files
  }

  static func read(_ relativePath: String, in root: String = directory) -> [UInt8] {
    let data = FileManager.default.contents(atPath: root + "/" + relativePath) ?? Data()
    return [UInt8](data)
  }
}

/// `transform` applied to every item on all cores (DispatchQueue.concurrentPerform), results in order.
func parallelMap<Item, Result>(_ items: [Item], _ transform: (Item) -> Result) -> [Result] {
  let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: items.count)
  results.initialize(repeating: nil)
  defer {
    _ = results.deinitialize()
    results.deallocate()
  }
  withoutActuallyEscaping(transform) { transform in
    let box = UncheckedBox((items, transform, results))
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
      let (items, transform, results) = box.value
      // Each index is written by exactly one iteration.
      results[index] = transform(items[index])
    }
  }
  return results.map { $0! }
}

/// Hands a value to concurrent code that is known to use it safely (see each use).
struct UncheckedBox<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}

/// Line and 1-based column of a diagnostic, with its message, as a person reads it.
func describe(_ diagnostic: SyntaxDiagnostic, in source: SourceBuffer) -> String {
  let location = source.location(of: diagnostic.offset)
  return "\(location.line):\(location.byteColumn + 1): \(diagnostic.message)"
}

/// The source line holding `offset`, decoded leniently, for failure messages.
func sourceLine(at offset: UInt32, in source: SourceBuffer) -> String {
  String(decoding: source.lineText(source.line(of: offset)).prefix(160), as: UTF8.self)
}

/// A fast, seedable pseudo-random generator (Vigna's SplitMix64): the same seed gives the same
/// sequence on every platform, so a failing fuzz case is reproduced from its seed alone.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Parses `bytes` and checks what must hold for every input: printing gives the input back and the
/// tree's invariants hold. Returns the problems found (empty when none) and the tree.
func checkLossless(_ bytes: [UInt8]) -> (tree: SyntaxTree, problems: [String]) {
  let tree = SyntaxTree.parse(SourceBuffer(bytes))
  var problems: [String] = []
  let printed = tree.printed()
  if printed != bytes {
    let mismatch = zip(printed, bytes).enumerated().first { $0.element.0 != $0.element.1 }?.offset
      ?? min(printed.count, bytes.count)
    problems.append("round trip differs at byte \(mismatch) (printed \(printed.count) bytes, input \(bytes.count))")
  }
  problems.append(contentsOf: tree.validateStructure().prefix(5))
  return (tree, problems)
}
