import Foundation
import XCTest
@testable import PythonSyntax
import Reports

/// Mutates valid Python (inline samples and a fixed sample of the standard library) at random and
/// checks that every mutant parses without crashing or hanging, prints back byte for byte and keeps
/// a sound tree.
///
/// Deterministic: mutant `i` comes from its own SplitMix64 seeded with `seed` and `i`, so any one
/// mutant can be reproduced alone. Environment:
/// - `ASYNCFIX_FUZZ_ITERATIONS` (default 5,000: 7-20 s in a debug build on 2 busy cores),
/// - `ASYNCFIX_FUZZ_SEED` (decimal or 0x-hex),
/// - `ASYNCFIX_FUZZ_ONLY=i` to run mutant `i` alone,
/// - `ASYNCFIX_FUZZ_OUTPUT=dir` to keep failing mutants (and their reductions) there.
final class FuzzTests: XCTestCase {
  static let defaultSeed: UInt64 = 0xA5F1_2025_C0DE_0001
  /// A parse slower than this is reported as a near-hang (debug builds parse 1 MB/s or more).
  static let parseTimeLimit: TimeInterval = 2
  /// A parse running longer than this is a hang: the watchdog stops the process with the mutant.
  static let hangLimit: TimeInterval = 60

  static let inlineSamples: [String] = [
    """
    import asyncio, sys as system
    from .pkg import (a as b, c)

    @decorator(arg=1)
    async def main(x: int, /, y=2, *args, z: str = "s", **kwargs) -> None:
        '''Docstring.'''
        async with lock as held, other:
            await asyncio.sleep(0.5)
        async for item in stream():
            total += item; count -= 1
        try:
            value = [i * 2 for i in range(10) if i % 2]
        except* (ValueError, TypeError) as group:
            raise RuntimeError("bad") from group
        else:
            pass
        finally:
            print(f"{value!r:>{width}} and {x=}", end='')
        return (yield from gen()) if y else lambda q, *r: q

    class Point[T](Base, metaclass=Meta):
        x: T
        def __init__(self, *, x: T) -> None:
            self.x = x

    match command.split():
        case [action, *rest] if action in {"go", "run"}:
            pass
        case {"key": value, **others} | Point(x=0) as p:
            pass
        case _:
            pass

    type Alias[K] = dict[K, list[int]]
    while (n := next(it, None)) is not None:
        del cache[n], other[1:2, ::3]
        global g
        assert n > 0, "positive"
    with (open(a) as f, open(b)):
        x = t"hello {name}" rb'\\x00' "plain" '''triple
    quoted'''
    print(*args, **{'a': 1}, sep=", ")
    if a: b
    elif c: d
    else: e
    """,
    "x = 1\r\nif x:\r\n\ty = {1: 2, **z}\r\n\tz = (1,)\r\n",
    "def f():\n    return not -x ** ~y // 3 @ m | n & o ^ p << 1 >> 2\n",
    "s = f'''{\n    f\"{'nested'}\"\n}''' ; u = f'{a:{b}.{c}}'\n",
    "# comment only\n\n   \n# another\n",
    "class A: pass\nclass B(A): x = 1; y = 2\n",
    "for i, (j, *k) in enumerate(pairs): print(i, j, k)\nelse: done()\n",
    "x = [\n    1,\n    2,  # two\n]\ny = \\\n    3\n",
  ]

  /// Interesting bytes and snippets to insert: brackets, quotes, prefixes, backslashes, line
  /// breaks, tabs, NUL, invalid UTF-8, a BOM, keywords and operators.
  static let insertions: [[UInt8]] = [
    "(", ")", "[", "]", "{", "}", "\"", "'", "'''", "\"\"\"", "f\"", "f'", "rb'", "t\"", "\\", "\\\n", "\r",
    "\r\n", "\n", "\t", " ", "    ", "#", ":", ";", ",", ".", "=", ":=", "->", "*", "**", "@", "!", "$", "?",
    "`", "0x", "1e", "1_", "0b2", ".5j", "async ", "await ", "lambda", "lambda:", "yield", "match ", "case ",
    "type ", "if ", "else:", "elif", "def ", "class ", "return", "not ", "in ", "is ", "for ", "with ",
    "except", "finally:", "from ", "import ", "{x!r:>{y}}", "{{", "}}", "\u{00E9}", "\u{20AC}", "\u{1F600}",
  ].map { Array($0.utf8) } + [[0], [0xFF], [0xC3], [0xE2, 0x82], [0xEF, 0xBB, 0xBF], [0x0C], [0x0B], [0x80]]

  func testMutantsParseLosslessly() throws {
    let environment = ProcessInfo.processInfo.environment
    let iterations = environment["ASYNCFIX_FUZZ_ITERATIONS"].flatMap { Int($0) } ?? 5_000
    let seed = environment["ASYNCFIX_FUZZ_SEED"].flatMap(Self.parseSeed) ?? Self.defaultSeed
    let only = environment["ASYNCFIX_FUZZ_ONLY"].flatMap { Int($0) }
    let samples = Self.corpusSamples()
    print("[FuzzTests] seed 0x\(String(seed, radix: 16)), \(iterations) mutants of \(samples.count) samples")

    // Every sample must itself be lossless; its tokens feed the token-level mutations.
    let sampleTokens = samples.map { sample -> [Range<Int>] in
      let (tree, problems) = checkLossless(sample.bytes)
      XCTAssertEqual(problems, [], "sample \(sample.name)")
      return (0..<tree.tokens.count).compactMap { index in
        let range = tree.tokens.textRange(UInt32(index))
        return range.isEmpty ? nil : Int(range.lowerBound)..<Int(range.upperBound)
      }
    }

    let watchdog = Watchdog(limit: Self.hangLimit, seed: seed)
    let start = Date()
    let indices = only.map { [$0] } ?? Array(0..<iterations)
    let failures = parallelMap(indices) { iteration -> Failure? in
      var generator = SplitMix64(seed: seed ^ (UInt64(iteration) &* 0x9E37_79B9_7F4A_7C15))
      let sampleIndex = Int(generator.next() % UInt64(samples.count))
      let mutant = Self.mutate(samples[sampleIndex].bytes, tokens: sampleTokens[sampleIndex], using: &generator)
      let ticket = watchdog.begin(iteration: iteration, input: mutant)
      let parseStart = Date()
      let (tree, problems) = checkLossless(mutant)
      let seconds = Date().timeIntervalSince(parseStart)
      // Render a tenth of the mutants too: the renderers must take any tree.
      if iteration % 10 == 0 {
        _ = SyntaxTreeRenderer.json(tree)
        _ = SyntaxTreeRenderer.text(tree)
      }
      watchdog.end(ticket)
      var allProblems = problems
      if seconds > Self.parseTimeLimit {
        allProblems.append("parse took \(String(format: "%.2f", seconds)) s for \(mutant.count) bytes")
      }
      guard !allProblems.isEmpty else { return nil }
      return Failure(iteration: iteration, sample: samples[sampleIndex].name, input: mutant, problems: allProblems)
    }.compactMap { $0 }
    watchdog.stop()
    print(
      "[FuzzTests] \(indices.count) mutants in \(String(format: "%.1f", Date().timeIntervalSince(start))) s, "
        + "\(failures.count) failures")

    guard !failures.isEmpty else { return }
    let output = environment["ASYNCFIX_FUZZ_OUTPUT"].map { URL(fileURLWithPath: $0) }
    var lines = ["\(failures.count) of \(indices.count) mutants failed (seed 0x\(String(seed, radix: 16))):"]
    for failure in failures.prefix(20) {
      let reduced = Self.reduce(failure.input) { !checkLossless($0).problems.isEmpty }
      lines.append(
        "  mutant \(failure.iteration) of \(failure.sample): \(failure.problems.joined(separator: "; "))\n"
          + "    reduced to \(reduced.count) bytes: \(Self.escaped(reduced))")
      if let output {
        try? FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try? Data(failure.input).write(to: output.appendingPathComponent("mutant-\(failure.iteration).py"))
        try? Data(reduced).write(to: output.appendingPathComponent("mutant-\(failure.iteration)-reduced.py"))
      }
    }
    XCTFail(lines.joined(separator: "\n"))
  }

  /// Differential fuzzing against CPython: mutants CPython accepts must parse without diagnostics
  /// and with CPython's positions for every class; mutants it rejects must get a diagnostic.
  /// Stricter than the lossless check, so it runs only with `ASYNCFIX_FUZZ_DIFFERENTIAL=N` (N mutants).
  func testMutantsAgreeWithCPython() throws {
    let environment = ProcessInfo.processInfo.environment
    guard let count = environment["ASYNCFIX_FUZZ_DIFFERENTIAL"].flatMap({ Int($0) }) else {
      throw XCTSkip("set ASYNCFIX_FUZZ_DIFFERENTIAL=N to compare N mutants with CPython")
    }
    let seed = environment["ASYNCFIX_FUZZ_SEED"].flatMap(Self.parseSeed) ?? Self.defaultSeed
    let samples = Self.corpusSamples()
    let sampleTokens = samples.map { sample -> [Range<Int>] in
      let tree = SyntaxTree.parse(SourceBuffer(sample.bytes))
      return (0..<tree.tokens.count).compactMap { index in
        let range = tree.tokens.textRange(UInt32(index))
        return range.isEmpty ? nil : Int(range.lowerBound)..<Int(range.upperBound)
      }
    }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("asyncfix-differential-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer {
      if environment["ASYNCFIX_FUZZ_OUTPUT"] == nil { try? FileManager.default.removeItem(at: directory) }
    }
    var names: [String] = []
    var mutants: [String: [UInt8]] = [:]
    for iteration in 0..<count {
      var generator = SplitMix64(seed: seed ^ (UInt64(iteration) &* 0x9E37_79B9_7F4A_7C15))
      let sampleIndex = Int(generator.next() % UInt64(samples.count))
      let mutant = Self.mutate(samples[sampleIndex].bytes, tokens: sampleTokens[sampleIndex], using: &generator)
      let name = "mutant-\(iteration).py"
      try Data(mutant).write(to: directory.appendingPathComponent(name))
      names.append(name)
      mutants[name] = mutant
    }
    let cpython = try ASTCompatibilityTests.cpythonPositions(root: directory.path, files: names, classes: "ALL")
    let filter = ASTCompatibilityTests.classFilter("ALL")
    let mismatches = parallelMap(names) { name in
      ASTCompatibilityTests.compare(path: name, bytes: mutants[name]!, expected: cpython[name], filter: filter)
    }.compactMap { $0 }
    let accepted = cpython.values.filter { $0.entries != nil }.count
    print("[FuzzTests] differential: \(count) mutants, CPython accepts \(accepted); \(mismatches.count) disagree")
    if !mismatches.isEmpty {
      XCTFail(ASTCompatibilityTests.report(mismatches, fileCount: count) + "\n(mutants in \(directory.path))")
    }
  }

  // MARK: Samples

  struct Sample {
    var name: String
    var bytes: [UInt8]
  }

  struct Failure: Sendable {
    var iteration: Int
    var sample: String
    var input: [UInt8]
    var problems: [String]
  }

  /// The inline samples, and every 60th standard-library file under 40 KB (a fixed choice, so the
  /// seed alone reproduces a run). Without the standard library only the inline samples are used.
  static func corpusSamples() -> [Sample] {
    var samples = inlineSamples.enumerated().map { Sample(name: "inline \($0.offset)", bytes: Array($0.element.utf8)) }
    let library = (StandardLibrary.files ?? []).filter { StandardLibrary.invalidFiles[$0] == nil }
    for (position, path) in library.enumerated() where position % 60 == 0 {
      let bytes = StandardLibrary.read(path)
      if !bytes.isEmpty && bytes.count < 40_000 { samples.append(Sample(name: path, bytes: bytes)) }
    }
    return samples
  }

  // MARK: Mutations

  /// Applies one to three random mutations.
  static func mutate(_ original: [UInt8], tokens: [Range<Int>], using generator: inout SplitMix64) -> [UInt8] {
    var bytes = original
    let count = Int.random(in: 1...3, using: &generator)
    for _ in 0..<count {
      // Token ranges refer to the original; once it changed, use byte mutations only.
      let tokenMutationsAllowed = bytes == original && !tokens.isEmpty
      let choice = Int.random(in: 0..<(tokenMutationsAllowed ? 10 : 6), using: &generator)
      switch choice {
      case 0 where !bytes.isEmpty:
        // Delete a range.
        let range = randomRange(in: bytes.count, maximumLength: 64, using: &generator)
        bytes.removeSubrange(range)
      case 1, 2:
        // Insert something interesting.
        let position = Int.random(in: 0...bytes.count, using: &generator)
        bytes.insert(contentsOf: insertions.randomElement(using: &generator)!, at: position)
      case 3:
        // Insert random bytes.
        let position = Int.random(in: 0...bytes.count, using: &generator)
        let length = Int.random(in: 1...8, using: &generator)
        bytes.insert(contentsOf: (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }, at: position)
      case 4 where !bytes.isEmpty:
        // Duplicate a range somewhere else.
        let range = randomRange(in: bytes.count, maximumLength: 200, using: &generator)
        let copy = Array(bytes[range])
        bytes.insert(contentsOf: copy, at: Int.random(in: 0...bytes.count, using: &generator))
      case 5 where !bytes.isEmpty:
        // Truncate.
        bytes.removeSubrange(Int.random(in: 0..<bytes.count, using: &generator)...)
      case 6:
        // Delete a token.
        let token = tokens.randomElement(using: &generator)!
        bytes.removeSubrange(token)
      case 7:
        // Duplicate a token in place.
        let token = tokens.randomElement(using: &generator)!
        bytes.insert(contentsOf: Array(original[token]), at: token.upperBound)
      case 8, 9:
        // Swap two tokens.
        let first = tokens.randomElement(using: &generator)!
        let second = tokens.randomElement(using: &generator)!
        guard first != second else { continue }
        let (earlier, later) = first.lowerBound < second.lowerBound ? (first, second) : (second, first)
        guard earlier.upperBound <= later.lowerBound else { continue }
        bytes.replaceSubrange(later, with: original[earlier])
        bytes.replaceSubrange(earlier, with: original[later])
      default:
        bytes.insert(contentsOf: insertions.randomElement(using: &generator)!, at: 0)
      }
    }
    return bytes
  }

  static func randomRange(in count: Int, maximumLength: Int, using generator: inout SplitMix64) -> Range<Int> {
    let start = Int.random(in: 0..<count, using: &generator)
    let length = Int.random(in: 1...min(maximumLength, count - start), using: &generator)
    return start..<start + length
  }

  // MARK: Reporting

  /// Shrinks `input` while `fails` holds: removes chunks of halving size, then single bytes
  /// (a simple delta debugging), so a failure is reported with a small reproducer.
  static func reduce(_ input: [UInt8], fails: ([UInt8]) -> Bool) -> [UInt8] {
    var current = input
    var chunk = max(1, current.count / 2)
    var attempts = 0
    while chunk >= 1 && attempts < 4000 {
      var start = 0
      var removedAny = false
      while start < current.count && attempts < 4000 {
        var candidate = current
        candidate.removeSubrange(start..<min(current.count, start + chunk))
        attempts += 1
        if fails(candidate) {
          current = candidate
          removedAny = true
        } else {
          start += chunk
        }
      }
      if !removedAny { chunk /= 2 }
    }
    return current
  }

  /// The bytes as a Swift-like literal (printable ASCII as is, the rest escaped).
  static func escaped(_ bytes: [UInt8]) -> String {
    var text = "\""
    for byte in bytes.prefix(400) {
      switch byte {
      case UInt8(ascii: "\n"): text += "\\n"
      case UInt8(ascii: "\r"): text += "\\r"
      case UInt8(ascii: "\t"): text += "\\t"
      case UInt8(ascii: "\""): text += "\\\""
      case UInt8(ascii: "\\"): text += "\\\\"
      case 0x20..<0x7F: text.append(Character(Unicode.Scalar(byte)))
      default: text += "\\x" + (byte < 16 ? "0" : "") + String(byte, radix: 16)
      }
    }
    return text + (bytes.count > 400 ? "…\"" : "\"")
  }

  static func parseSeed(_ text: String) -> UInt64? {
    text.hasPrefix("0x") ? UInt64(text.dropFirst(2), radix: 16) : UInt64(text)
  }
}

/// Notices a parse that runs far too long (an endless loop) and stops the process with the
/// mutant written to a file, since a thread stuck in a loop cannot be cancelled.
final class Watchdog: @unchecked Sendable {
  private let lock = NSLock()
  private var running: [Int: (iteration: Int, input: [UInt8], start: Date)] = [:]
  private var nextTicket = 0
  private var stopped = false
  private let limit: TimeInterval
  private let seed: UInt64

  init(limit: TimeInterval, seed: UInt64) {
    self.limit = limit
    self.seed = seed
    let thread = Thread { [weak self] in
      while let self, self.check() { Thread.sleep(forTimeInterval: 1) }
    }
    thread.start()
  }

  func begin(iteration: Int, input: [UInt8]) -> Int {
    lock.lock()
    defer { lock.unlock() }
    nextTicket += 1
    running[nextTicket] = (iteration, input, Date())
    return nextTicket
  }

  func end(_ ticket: Int) {
    lock.lock()
    running[ticket] = nil
    lock.unlock()
  }

  func stop() {
    lock.lock()
    stopped = true
    lock.unlock()
  }

  /// Returns false once stopped.
  private func check() -> Bool {
    lock.lock()
    defer { lock.unlock() }
    if stopped { return false }
    for (_, job) in running where Date().timeIntervalSince(job.start) > limit {
      let path = FileManager.default.temporaryDirectory.appendingPathComponent("asyncfix-fuzz-hang-\(job.iteration).py")
      try? Data(job.input).write(to: path)
      fatalError(
        "FuzzTests: mutant \(job.iteration) (seed 0x\(String(seed, radix: 16))) parsed for more than \(limit) s; "
          + "input written to \(path.path)")
    }
    return true
  }
}
