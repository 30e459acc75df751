import Foundation
import XCTest
@testable import PythonSyntax
import Reports

/// Compares `asyncfix parse --tree --format json` (`SyntaxTreeRenderer.json`) with CPython 3.13's
/// `ast`: for every statement, `ExceptHandler`, `Call`, `Await`, `Lambda`, comprehension,
/// `Yield`/`YieldFrom` and `Name`, the same classes at the same positions, file by file, over the
/// whole standard library. The JSON text itself is decoded, so the output format is what is tested.
///
/// `Tests/Support/ast_positions.py` runs once under python3.13 and lists CPython's positions.
/// Set `ASYNCFIX_AST_CLASSES=ALL` to compare every class that has a position in CPython (a wider
/// net for finding parser bugs), or a comma-separated list of class names.
final class ASTCompatibilityTests: XCTestCase {
  /// Statement classes (`stmt`) and the expressions the contract names.
  static let defaultClasses = [
    "stmt", "ExceptHandler", "Call", "Await", "Lambda", "ListComp", "SetComp", "DictComp", "GeneratorExp",
    "Yield", "YieldFrom", "Name",
  ]

  /// CPython's statement classes, which the script selects with `stmt`.
  static let statementClasses: Set<String> = [
    "FunctionDef", "AsyncFunctionDef", "ClassDef", "Return", "Delete", "Assign", "TypeAlias", "AugAssign",
    "AnnAssign", "For", "AsyncFor", "While", "If", "With", "AsyncWith", "Match", "Raise", "Try", "TryStar",
    "Assert", "Import", "ImportFrom", "Global", "Nonlocal", "Expr", "Pass", "Break", "Continue",
  ]

  /// `ast` classes CPython gives no position, left out when comparing every class.
  static let classesWithoutPositions: Set<String> = [
    "Module", "arguments", "withitem", "match_case", "comprehension",
  ]

  // MARK: Tests

  /// Every standard-library file: the positions match CPython's; the files CPython rejects get a
  /// diagnostic. `ASYNCFIX_AST_CORPUS=/some/dir` compares the `.py` files of another directory
  /// instead (site-packages included), to hunt for parser bugs in more code.
  func testStandardLibraryPositionsMatchCPython() throws {
    let environment = ProcessInfo.processInfo.environment
    let root: String
    let files: [String]
    if let corpus = environment["ASYNCFIX_AST_CORPUS"] {
      root = corpus
      files = StandardLibrary.pythonFiles(in: corpus, skippingSitePackages: false) ?? []
    } else {
      root = StandardLibrary.directory
      files = try StandardLibrary.requireFiles()
    }
    let classes = environment["ASYNCFIX_AST_CLASSES"] ?? Self.defaultClasses.joined(separator: ",")
    let start = Date()
    let cpython = try Self.cpythonPositions(root: root, files: files, classes: classes)
    let pythonSeconds = Date().timeIntervalSince(start)
    let comparisonStart = Date()
    let filter = Self.classFilter(classes)
    let mismatches = parallelMap(files) { path -> FileMismatch? in
      Self.compare(path: path, bytes: StandardLibrary.read(path, in: root), expected: cpython[path], filter: filter)
    }.compactMap { $0 }
    let compared = cpython.values.reduce(0) { $0 + ($1.entries?.count ?? 0) }
    let rejected = cpython.values.filter { $0.entries == nil }.count
    print(
      """
      [ASTCompatibilityTests] \(files.count) files (\(rejected) rejected by CPython), \(compared) CPython nodes \
      of [\(classes)]; python \(String(format: "%.1f", pythonSeconds)) s, parse+render+decode+compare \
      \(String(format: "%.1f", Date().timeIntervalSince(comparisonStart))) s; \(mismatches.count) files differ
      """)
    if environment["ASYNCFIX_AST_CORPUS"] == nil {
      XCTAssertEqual(rejected, StandardLibrary.invalidFiles.count, "CPython rejects exactly the 4 invalid files")
    }
    if !mismatches.isEmpty {
      XCTFail(Self.report(mismatches, fileCount: files.count))
    }
  }

  /// The comparison is not vacuous: one moved node shows as one missing and one extra entry.
  func testComparisonDetectsDifferences() throws {
    let source = Array("x = f(y)\n".utf8)
    let exact = [
      ASTEntry(name: "Assign", line: 1, column: 0, endLine: 1, endColumn: 8),
      ASTEntry(name: "Call", line: 1, column: 4, endLine: 1, endColumn: 8),
      ASTEntry(name: "Name", line: 1, column: 0, endLine: 1, endColumn: 1),
      ASTEntry(name: "Name", line: 1, column: 4, endLine: 1, endColumn: 5),
      ASTEntry(name: "Name", line: 1, column: 6, endLine: 1, endColumn: 7),
    ]
    let filter = Self.classFilter(Self.defaultClasses.joined(separator: ","))
    XCTAssertNil(Self.compare(path: "t.py", bytes: source, expected: CPythonFile(entries: exact), filter: filter))
    var moved = exact
    moved[1].endColumn = 9
    let mismatch = Self.compare(path: "t.py", bytes: source, expected: CPythonFile(entries: moved), filter: filter)
    XCTAssertEqual(mismatch?.missing, [moved[1]])
    XCTAssertEqual(mismatch?.extra, [exact[1]])
    let rejected = Self.compare(
      path: "t.py", bytes: source, expected: CPythonFile(error: "SyntaxError"), filter: filter)
    XCTAssertNotNil(rejected?.failure, "a file CPython rejects must get a diagnostic")
  }

  /// Small cases for each place where CPython's positions differ from the concrete tree's token
  /// ranges, compared on every positioned class.
  func testSnippetsMatchCPython() throws {
    let snippets: [String: String] = [
      "decorated.py": "@a.b(c)\n@d\ndef f(x): pass\n\n@e\nasync def g(): pass\n@h\nclass C: pass\n",
      "elif.py": "if a:\n    pass\nelif b:\n    x\nelif c:\n    y\nelse:\n    z  # comment\n\n# trailing\n",
      "genexp.py": "f(x for x in y)\nf((x for x in y))\nf(a)(b for b in c)\n@d(e for e in g)\ndef h(): pass\n",
      "bom.py": "\u{FEFF}x = f(y)\nz = 1\n",
      "crlf.py": "x = 1\r\nif x:\r\n    y(z)\r\n",
      "cr.py": "x = 1\rif x:\r    y(z)\r",
      "nonewline.py": "x = f(y)",
      "unicode.py": "s = 'é€😀'; t = f(s)\nclass Ünï: pass\n",
      "fstrings.py": "x = f'{a!r:>{w}} {b=}' f\"{c}\"\ny = f'''{\n  d\n}'''\n",
      "compound.py": """
        try:
            pass
        except* (A, B) as e:
            raise
        else:
            pass
        finally:
            pass
        with (a as b, c):
            pass
        match p:
            case [1, *rest] | {"k": v, **kw} if v:
                pass
            case Point(x=0, y=_) as q:
                pass
        for i in range(3):
            continue
        else:
            break
        while 1:
            lambda x, /, y=1, *a, z, **k: (yield)
        type T[U: int, *V, **W] = list[U]
        def f[T](a: int = 1, *, b) -> T:
            global g; nonlocal n
            return await x
        del a[1:2, ::3], b.c
        x: int = 1; y += 2; assert z, w
        import a.b as c, d
        from ..e import (f as g, h)
        from . import *
        """,
    ]
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("asyncfix-ast-snippets-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    for (name, text) in snippets {
      try Data(text.utf8).write(to: directory.appendingPathComponent(name))
    }
    // Legacy encodings: CPython counts columns in UTF-8 bytes of the decoded line.
    let encoded: [String: [UInt8]] = [
      "latin1.py": Array("# -*- coding: latin-1 -*-\nx = '".utf8) + [0xE9, 0xE8] + Array("'; y = f(x)\n".utf8),
      "iso8859_5.py": Array("# coding: ISO-8859-5\nu = \"".utf8) + [0xBE, 0xE2, 0xF0] + Array("\"; v = f(u)\n".utf8),
      "cp1252.py": Array("#!/usr/bin/python\n# -*- coding: windows-1252 -*-\ns = '".utf8) + [0x80, 0xE9]
        + Array("'; t = g(s)\n".utf8),
      "koi8.py": Array("# vim: set fileencoding=koi8_r :\nx = '".utf8) + [0xC1, 0x80] + Array("'; y = h(x)\n".utf8),
    ]
    for (name, bytes) in encoded {
      try Data(bytes).write(to: directory.appendingPathComponent(name))
    }
    let names = Array(snippets.keys).sorted() + encoded.keys.sorted()
    let cpython = try Self.cpythonPositions(root: directory.path, files: names, classes: "ALL")
    var failures: [FileMismatch] = []
    for name in names {
      let bytes = [UInt8](FileManager.default.contents(atPath: directory.appendingPathComponent(name).path)!)
      let filter = Self.classFilter("ALL")
      if let mismatch = Self.compare(path: name, bytes: bytes, expected: cpython[name], filter: filter) {
        failures.append(mismatch)
      }
    }
    if !failures.isEmpty {
      XCTFail(Self.report(failures, fileCount: names.count))
    }
  }

  /// The renderer's JSON has exactly the keys of DESIGN §5 and decodes back to the tree's shape.
  func testJSONShape() throws {
    let source = "@d\nasync def f():\n    await g()\n"
    let (tree, problems) = checkLossless(Array(source.utf8))
    XCTAssertEqual(problems, [])
    let json = SyntaxTreeRenderer.json(tree)
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    XCTAssertEqual(
      object.map { Set($0.keys) }, ["kind", "lineno", "col_offset", "end_lineno", "end_col_offset", "children"])
    let decoded = try JSONDecoder().decode(DecodedNode.self, from: Data(json.utf8))
    XCTAssertEqual(decoded.kind, "Module")
    XCTAssertEqual(decoded.nodeCount, tree.nodeCount)
    let function = decoded.children.first { $0.kind == "AsyncFunctionDef" }
    XCTAssertEqual(function.map { [$0.lineno, $0.colOffset, $0.endLineno, $0.endColOffset] }, [2, 0, 3, 13])
    XCTAssertEqual(json, SyntaxTreeRenderer.json(SyntaxTree.parse("@d\nasync def f():\n    await g()\n")))
  }

  /// Trees deeper than JSONEncoder's nesting limit are written in slices and still nest correctly.
  func testJSONOfDeepTree() throws {
    let (chain, chainProblems) = checkLossless(Array(("x = 1" + String(repeating: " + 1", count: 600) + "\n").utf8))
    XCTAssertEqual(chainProblems, [])
    let decoded = try DeepJSONReader.tree(Array(SyntaxTreeRenderer.json(chain).utf8))
    XCTAssertEqual(decoded.nodeCount, chain.nodeCount)
    XCTAssertThrowsError(try DeepJSONReader.tree(Array("{\"kind\": 1}".utf8)))
    XCTAssertThrowsError(try DeepJSONReader.parse(Array("[1,]".utf8)))
    XCTAssertThrowsError(try DeepJSONReader.parse(Array("{\"a\":1,}".utf8)))
    XCTAssertThrowsError(try DeepJSONReader.parse(Array("[[1]".utf8)))
    XCTAssertThrowsError(try DeepJSONReader.parse(Array("[1] 2".utf8)))

    let depth = 1000
    let source = "x = " + String(repeating: "a.", count: depth) + "b\n"
    let (tree, problems) = checkLossless(Array(source.utf8))
    XCTAssertEqual(problems, [])
    let json = Array(SyntaxTreeRenderer.json(tree).utf8)
    let shape = jsonShape(json)
    XCTAssertEqual(shape.objects, tree.nodeCount, "one object per node")
    XCTAssertGreaterThan(shape.maximumDepth, depth, "nesting kept")
    XCTAssertTrue(shape.balanced)
    XCTAssertFalse(json.contains(UInt8(ascii: "\\")), "no placeholder left")
    let text = SyntaxTreeRenderer.text(tree)
    XCTAssertEqual(text.utf8.count { $0 == UInt8(ascii: "\n") }, tree.nodeCount)
  }

  // MARK: CPython side

  /// CPython's entries for one file, or the error it raised.
  struct CPythonFile: Sendable {
    var entries: [ASTEntry]?
    var error: String?
  }

  /// Runs `ast_positions.py` over `files` (relative to `root`) and reads what it printed.
  static func cpythonPositions(root: String, files: [String], classes: String) throws -> [String: CPythonFile] {
    guard FileManager.default.isExecutableFile(atPath: StandardLibrary.interpreter) else {
      throw XCTSkip("python3.13 is not at \(StandardLibrary.interpreter)")
    }
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Support/ast_positions.py")
    let temporary = FileManager.default.temporaryDirectory
    let list = temporary.appendingPathComponent("asyncfix-ast-files-\(getpid())-\(UUID().uuidString).txt")
    let output = temporary.appendingPathComponent("asyncfix-ast-positions-\(getpid())-\(UUID().uuidString).txt")
    defer {
      try? FileManager.default.removeItem(at: list)
      try? FileManager.default.removeItem(at: output)
    }
    try Data((files.joined(separator: "\n") + "\n").utf8).write(to: list)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: StandardLibrary.interpreter)
    process.arguments = [script.path, root, list.path, output.path, classes]
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw NSError(domain: "ast_positions.py", code: Int(process.terminationStatus))
    }
    return parseCPythonOutput([UInt8](try Data(contentsOf: output)))
  }

  /// Reads the `F path` / `Class l c el ec` / `X path error` lines of `ast_positions.py`.
  static func parseCPythonOutput(_ bytes: [UInt8]) -> [String: CPythonFile] {
    var files: [String: CPythonFile] = [:]
    var currentPath: String?
    var current: [ASTEntry] = []
    var names: [ArraySlice<UInt8>: String] = [:]
    func flush() {
      if let path = currentPath { files[path] = CPythonFile(entries: current) }
      currentPath = nil
      current = []
    }
    var lineStart = 0
    while lineStart < bytes.count {
      var lineEnd = lineStart
      while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
      let line = bytes[lineStart..<lineEnd]
      lineStart = lineEnd + 1
      if line.starts(with: Array("F ".utf8)) {
        flush()
        currentPath = String(decoding: line.dropFirst(2), as: UTF8.self)
      } else if line.starts(with: Array("X ".utf8)) {
        flush()
        let rest = String(decoding: line.dropFirst(2), as: UTF8.self)
        let space = rest.firstIndex(of: " ") ?? rest.endIndex
        files[String(rest[..<space])] = CPythonFile(error: String(rest[space...]))
      } else if !line.isEmpty {
        let fields = line.split(separator: UInt8(ascii: " "))
        guard fields.count == 5 else { continue }
        let name = names[fields[0]] ?? {
          let name = String(decoding: fields[0], as: UTF8.self)
          names[fields[0]] = name
          return name
        }()
        let numbers = fields[1...].map { field in field.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) } }
        current.append(
          ASTEntry(name: name, line: numbers[0], column: numbers[1], endLine: numbers[2], endColumn: numbers[3]))
      }
    }
    flush()
    return files
  }

  // MARK: Our side

  /// Which of our JSON kinds to collect for a `classes` argument of the script.
  static func classFilter(_ classes: String) -> @Sendable (String) -> Bool {
    if classes == "ALL" {
      let astNames = Set(NodeKind.allCases.compactMap(\.astName)).subtracting(classesWithoutPositions)
      return { astNames.contains($0) }
    }
    var wanted = Set(classes.split(separator: ",").map(String.init))
    if wanted.contains("stmt") { wanted.formUnion(statementClasses) }
    let selected = wanted
    return { selected.contains($0) }
  }

  /// One node as `ast` sees it.
  struct ASTEntry: Hashable, Comparable, Sendable, CustomStringConvertible {
    var name: String
    var line: Int
    var column: Int
    var endLine: Int
    var endColumn: Int

    /// Source order, then the class name: integers first keeps sorting cheap in debug builds, and
    /// differences are reported in the order they appear in the file.
    static func < (lhs: ASTEntry, rhs: ASTEntry) -> Bool {
      if lhs.line != rhs.line { return lhs.line < rhs.line }
      if lhs.column != rhs.column { return lhs.column < rhs.column }
      if lhs.endLine != rhs.endLine { return lhs.endLine < rhs.endLine }
      if lhs.endColumn != rhs.endColumn { return lhs.endColumn < rhs.endColumn }
      return lhs.name < rhs.name
    }

    var description: String { "\(name) \(line):\(column)-\(endLine):\(endColumn)" }
  }

  /// A node of the rendered JSON, decoded independently of the renderer's own types.
  struct DecodedNode: Decodable {
    var kind: String
    var lineno: Int
    var colOffset: Int
    var endLineno: Int
    var endColOffset: Int
    var children: [DecodedNode]

    enum CodingKeys: String, CodingKey {
      case kind, lineno, children
      case colOffset = "col_offset"
      case endLineno = "end_lineno"
      case endColOffset = "end_col_offset"
    }

    var nodeCount: Int {
      var count = 0
      var stack = [self]
      while let node = stack.popLast() {
        count += 1
        stack.append(contentsOf: node.children)
      }
      return count
    }
  }

  /// How one file's positions differ.
  struct FileMismatch: Sendable {
    var path: String
    /// In CPython's tree, not in ours.
    var missing: [ASTEntry] = []
    /// In ours, not in CPython's.
    var extra: [ASTEntry] = []
    /// Why the comparison could not be made, if it could not.
    var failure: String?
    /// Our diagnostics (a file CPython accepts should have none; they explain most mismatches).
    var diagnostics: [String] = []
  }

  /// Parses, renders, decodes and compares one file; `nil` when it matches.
  static func compare(
    path: String, bytes: [UInt8], expected: CPythonFile?, filter: (String) -> Bool
  ) -> FileMismatch? {
    guard let expected else { return FileMismatch(path: path, failure: "no CPython output") }
    let tree = SyntaxTree.parse(SourceBuffer(bytes))
    guard let expectedEntries = expected.entries else {
      // CPython rejects the file: we must report something too.
      guard tree.diagnostics.isEmpty else { return nil }
      return FileMismatch(path: path, failure: "CPython rejects it (\(expected.error ?? "")), we report nothing")
    }
    var mismatch = FileMismatch(path: path)
    mismatch.diagnostics = tree.diagnostics.prefix(3).map { describe($0, in: tree.source) }
    if tree.printed() != bytes { mismatch.failure = "round trip fails" }
    let json = SyntaxTreeRenderer.json(tree)
    let decoded: DecodedNode
    do {
      decoded = try JSONDecoder().decode(DecodedNode.self, from: Data(json.utf8))
    } catch {
      // JSONDecoder stops at 512 levels of nesting; deeper trees (a long `a + b + …` chain) are
      // read without recursion instead.
      let bytes = Array(json.utf8)
      guard jsonShape(bytes).maximumDepth > 500 else {
        mismatch.failure = "JSON does not decode: \(error)"
        return mismatch
      }
      do {
        decoded = try DeepJSONReader.tree(bytes)
      } catch {
        mismatch.failure = "deep JSON does not decode: \(error)"
        return mismatch
      }
    }
    var ours: [ASTEntry] = []
    var stack = [decoded]
    while let node = stack.popLast() {
      if filter(node.kind) {
        ours.append(
          ASTEntry(
            name: node.kind, line: node.lineno, column: node.colOffset, endLine: node.endLineno,
            endColumn: node.endColOffset))
      }
      stack.append(contentsOf: node.children)
    }
    ours.sort()
    let theirs = expectedEntries.sorted()
    // Multiset difference of two sorted lists.
    var i = 0
    var j = 0
    while i < theirs.count || j < ours.count {
      if j == ours.count || (i < theirs.count && theirs[i] < ours[j]) {
        mismatch.missing.append(theirs[i])
        i += 1
      } else if i == theirs.count || ours[j] < theirs[i] {
        mismatch.extra.append(ours[j])
        j += 1
      } else {
        i += 1
        j += 1
      }
    }
    return mismatch.missing.isEmpty && mismatch.extra.isEmpty && mismatch.failure == nil ? nil : mismatch
  }

  /// The failure message: totals, differences per class, then the first 50 files in detail.
  static func report(_ mismatches: [FileMismatch], fileCount: Int) -> String {
    let missing = mismatches.reduce(0) { $0 + $1.missing.count }
    let extra = mismatches.reduce(0) { $0 + $1.extra.count }
    var perClass: [String: (missing: Int, extra: Int)] = [:]
    for mismatch in mismatches {
      for entry in mismatch.missing { perClass[entry.name, default: (0, 0)].missing += 1 }
      for entry in mismatch.extra { perClass[entry.name, default: (0, 0)].extra += 1 }
    }
    var lines = [
      "\(mismatches.count) of \(fileCount) files differ from CPython's ast: \(missing) nodes missing or misplaced, "
        + "\(extra) extra or misplaced; "
        + "\(mismatches.filter { !$0.diagnostics.isEmpty }.count) of them have diagnostics",
      "per class (missing/extra): "
        + perClass.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.missing)/\($0.value.extra)" }
        .joined(separator: ", "),
    ]
    for mismatch in mismatches.prefix(50) {
      lines.append("  \(mismatch.path):")
      if let failure = mismatch.failure { lines.append("    FAILED: \(failure)") }
      for diagnostic in mismatch.diagnostics { lines.append("    diagnostic \(diagnostic)") }
      if !mismatch.missing.isEmpty {
        lines.append(
          "    CPython only (\(mismatch.missing.count)): "
            + mismatch.missing.prefix(8).map(\.description).joined(separator: ", "))
      }
      if !mismatch.extra.isEmpty {
        lines.append(
          "    ours only (\(mismatch.extra.count)): "
            + mismatch.extra.prefix(8).map(\.description).joined(separator: ", "))
      }
    }
    return lines.joined(separator: "\n")
  }
}

/// Counts the objects of a JSON text and its deepest nesting, without recursion (Foundation's
/// parsers stop at 512 levels). Strings are skipped; the renderer's kinds never hold quotes.
func jsonShape(_ bytes: [UInt8]) -> (objects: Int, maximumDepth: Int, balanced: Bool) {
  var objects = 0
  var depth = 0
  var maximumDepth = 0
  var inString = false
  var index = 0
  var balanced = true
  while index < bytes.count {
    let byte = bytes[index]
    if inString {
      if byte == UInt8(ascii: "\\") { index += 1 } else if byte == UInt8(ascii: "\"") { inString = false }
    } else {
      switch byte {
      case UInt8(ascii: "\""): inString = true
      case UInt8(ascii: "{"):
        objects += 1
        depth += 1
        maximumDepth = max(maximumDepth, depth)
      case UInt8(ascii: "["): depth += 1
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        depth -= 1
        if depth < 0 { balanced = false }
      default: break
      }
    }
    index += 1
  }
  return (objects, maximumDepth, balanced && depth == 0 && !inString)
}
