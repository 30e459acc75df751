import PythonSyntax

/// The project-wide index (DESIGN §4, phase one): every module of the run with its summary, found
/// by import name or by path, so a rule can say what `from pkg.net import send` or
/// `from . import net` brings into a file — across modules, through re-exports.
///
/// Naming (see `ModulePath.importNames`): a module inside packages is named from its outermost
/// package (`pkg.net`); a module outside any package by its file name (`net`); and in both cases
/// by every longer suffix of its path (`app.net`, `proj.app.net`), since which parent directory
/// is on `sys.path` is unknown. When a name fits several files (two `util.py` in different
/// script directories) the one nearest the importing file wins: the most leading directory
/// components shared with the importer, then the shorter path, then the path that sorts first —
/// a choice that never depends on the order files were read in. Relative imports
/// (`from ..util import x`) are resolved by path, exactly, with no such guess.
///
/// Built once per run from all summaries and never changed: during `fix`, each file's own
/// definitions come from its current tree (the rules read its semantic model), the other
/// modules' from this phase-one index.
public final class ProjectIndex: Sendable {
  struct Module: Sendable {
    let path: ModulePath
    let cell: ModuleSummaryCell
    /// Loaded on first use (`ModuleSummaryCell`).
    var summary: ModuleSummary { cell.value }
  }

  let modules: [Module]
  let byPath: [[String]: Int]
  let byName: [String: [Int]]
  let currentDirectory: String
  /// The names of every coroutine and generator function and method of the indexed modules:
  /// a call to any other name needs no lookup.
  let awaitableNames: IdentifierSet
  /// The same index with a filter of coroutine names only (`coroutinesOnly`).
  private let coroutineView: ProjectIndex?

  /// An index without modules: only the file's own definitions count.
  public static let empty = ProjectIndex(modules: [], currentDirectory: "/")

  /// Indexes `modules` (paths as given; relative ones are taken against `currentDirectory`).
  /// `isPackageDirectory` says whether a directory (absolute) holds an `__init__.py`.
  public convenience init(
    modules entries: [(path: String, summary: ModuleSummary)], currentDirectory: String,
    isPackageDirectory: (String) -> Bool = { _ in false }
  ) {
    self.init(
      lazyModules: entries.map { entry in
        (entry.path, ModuleSummaryCell(entry.summary), Self.candidates(of: entry.summary))
      }, currentDirectory: currentDirectory, isPackageDirectory: isPackageDirectory)
  }

  /// Indexes modules whose summaries load on demand: each with its cell and the names it may
  /// define as awaitable (`AwaitableNameScan`, a superset is fine: it only filters lookups).
  public init(
    lazyModules entries: [(path: String, cell: ModuleSummaryCell, candidates: AwaitableNameScan.Candidates)],
    currentDirectory: String, isPackageDirectory: (String) -> Bool = { _ in false }
  ) {
    var coroutineNames = IdentifierSet()
    var modules: [Module] = []
    var byPath: [[String]: Int] = [:]
    var byName: [String: [Int]] = [:]
    var awaitableNames = IdentifierSet()
    modules.reserveCapacity(entries.count)
    byPath.reserveCapacity(entries.count)
    byName.reserveCapacity(entries.count * 8)
    var importNames = ImportNameCache()
    for entry in entries {
      let path = ModulePath(path: entry.path, currentDirectory: currentDirectory)
      // A package directory and a module of the same name: Python imports the package.
      if let existing = byPath[path.components], modules[existing].path.isPackage || !path.isPackage { continue }
      let index = modules.count
      modules.append(Module(path: path, cell: entry.cell))
      awaitableNames.formUnion(entry.candidates.coroutines)
      awaitableNames.formUnion(entry.candidates.generators)
      coroutineNames.formUnion(entry.candidates.coroutines)
      byPath[path.components] = index
      for name in importNames.names(of: path, isPackageDirectory: isPackageDirectory) {
        byName[name, default: []].append(index)
      }
    }
    self.awaitableNames = awaitableNames
    self.modules = modules
    self.byPath = byPath
    self.byName = byName
    self.currentDirectory = currentDirectory
    coroutineView = ProjectIndex(sharing: modules, byPath, byName, currentDirectory, filter: coroutineNames)
  }

  /// A view of the same modules with another name filter.
  private init(
    sharing modules: [Module], _ byPath: [[String]: Int], _ byName: [String: [Int]], _ currentDirectory: String,
    filter: IdentifierSet
  ) {
    self.modules = modules
    self.byPath = byPath
    self.byName = byName
    self.currentDirectory = currentDirectory
    awaitableNames = filter
    coroutineView = nil
  }

  /// The index for a file where only coroutines are awaitable (CPython, where a generator
  /// function called without `await` is no missing await): its name filter leaves out the
  /// plain `def`s of files that yield, so calls to them need no lookup and load no summary.
  public var coroutinesOnly: ProjectIndex { coroutineView ?? self }

  /// The coroutine and generator functions and methods `summary` lists.
  static func candidates(of summary: ModuleSummary) -> AwaitableNameScan.Candidates {
    var candidates = AwaitableNameScan.Candidates()
    func note(_ name: String, _ kind: FunctionKind) {
      if kind == .coroutine { candidates.coroutines.insert(name) }
      if kind == .generator { candidates.generators.insert(name) }
    }
    for (name, member) in summary.members {
      switch member {
      case .function(let kind): note(name, kind)
      case .class(let summary):
        for (method, kind) in summary.methods { note(method, kind) }
        // As the byte scan names them: a class with `__await__`, and `__await__` itself, with
        // the coroutines; a class whose `__iter__` yields with the generators.
        if summary.definesAwait {
          candidates.coroutines.insert(name)
          candidates.coroutines.insert("__await__")
        }
        if summary.methods["__iter__"] == .generator { candidates.generators.insert(name) }
      default: break
      }
    }
    return candidates
  }

  /// The summary cell of the module at `path`, if indexed (the checker stores a file's
  /// summary in it before writing the file).
  public func summaryCell(atPath path: String) -> ModuleSummaryCell? {
    byPath[modulePath(of: path).components].map { modules[$0].cell }
  }

  public var moduleCount: Int { modules.count }

  /// Where the file at `path` (as given) lives, as `resolve(_:from:)` takes importers.
  public func modulePath(of path: String) -> ModulePath {
    ModulePath(path: path, currentDirectory: currentDirectory)
  }

  /// The names `mayDefineAwaitable` accepts (for tests).
  public var awaitableNamesForTesting: Set<String> { Set(awaitableNames.elements) }

  /// Whether some indexed module defines a coroutine or generator function or method `name`.
  public func mayDefineAwaitable(_ name: String) -> Bool { awaitableNames.contains(name) }

  /// `mayDefineAwaitable` for the name `token` spells in `tree` (no `String` made).
  public func mayDefineAwaitable(token: UInt32, in tree: SyntaxTree) -> Bool {
    awaitableNames.contains(token: token, in: tree)
  }

  /// The summary of the module at `path`, if indexed.
  public func summary(atPath path: String) -> ModuleSummary? {
    byPath[modulePath(of: path).components].map { modules[$0].summary }
  }

  /// The path components of the module `name` means when imported from the file at `path`
  /// (nearest match), if any: for tests and diagnostics.
  public func modulePath(named name: String, from path: String) -> [String]? {
    let importer = modulePath(of: path)
    return module(named: name, from: importer).map { modules[$0].path.components }
  }

  // MARK: Finding modules

  /// The module a dotted name stands for, seen from `importer`.
  func module(named name: String, from importer: ModulePath) -> Int? {
    guard let candidates = byName[name] else { return nil }
    if candidates.count == 1 { return candidates[0] }
    let directory = importer.directory
    func shared(_ index: Int) -> Int {
      zip(directory, modules[index].path.components).prefix { $0 == $1 }.count
    }
    return candidates.min { lhs, rhs in
      let (left, right) = (modules[lhs].path.components, modules[rhs].path.components)
      let (sharedLeft, sharedRight) = (shared(lhs), shared(rhs))
      if sharedLeft != sharedRight { return sharedLeft > sharedRight }
      if left.count != right.count { return left.count < right.count }
      return left.lexicographicallyPrecedes(right)
    }
  }

  /// The submodule `name` of module `index` (a package), if indexed.
  func submodule(_ name: String, of index: Int) -> Int? {
    let module = modules[index].path
    guard module.isPackage else { return nil }
    return byPath[module.components + [name]]
  }
}
