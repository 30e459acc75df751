/// Where a module lives, as the project index needs it: the absolute path of the file without
/// `.py` (a package's `__init__.py` stands for its directory), and the directory its relative
/// imports start from.
public struct ModulePath: Hashable, Sendable {
  /// Absolute, normalised path components of the module: `["w", "proj", "pkg", "net"]` for
  /// `/w/proj/pkg/net.py`, `["w", "proj", "pkg"]` for `/w/proj/pkg/__init__.py`.
  public let components: [String]
  /// Whether the file is a package's `__init__.py`.
  public let isPackage: Bool

  /// The module at `path` (absolute, or relative to `currentDirectory`); `..` and `.` components
  /// are folded textually, as Python's import system sees the file.
  public init(path: String, currentDirectory: String) {
    var parts = ModulePath.normalised(path, currentDirectory: currentDirectory)
    var last = parts.popLast() ?? ""
    if last.hasSuffix(".py") { last.removeLast(3) } else if last.hasSuffix(".pyi") { last.removeLast(4) }
    isPackage = last == "__init__"
    if !isPackage { parts.append(last) }
    components = parts
  }

  public init(components: [String], isPackage: Bool) {
    self.components = components
    self.isPackage = isPackage
  }

  /// The package directory `from . import x` reads: the directory of the file (for a package's
  /// `__init__.py`, the package itself).
  public var packageDirectory: [String] { isPackage ? components : Array(components.dropLast()) }

  /// The directory holding the module's file or package directory.
  public var directory: [String] { Array(components.dropLast()) }

  /// The dotted names under which the module can be imported. A module in a package (its
  /// directory has an `__init__.py`, `isPackageDirectory`) is named from the outermost package
  /// (`pkg.net`); a module outside any package is named by its file name (`net`). Every longer
  /// suffix of the path is a name too (`app.net`, `proj.app.net`): namespace packages and
  /// script directories put some parent directory on `sys.path`, and the index cannot know
  /// which. Shortest first.
  public func importNames(isPackageDirectory: (String) -> Bool) -> [String] {
    guard !components.isEmpty else { return [] }
    // The directories from the module's own package up, while each one is a package.
    var first = components.count - 1
    while first > 0 && isPackageDirectory(ModulePath.join(components[..<first])) { first -= 1 }
    // `first` is the first component of the shortest name: the outermost package, or the
    // module itself.
    var names: [String] = []
    var start = first
    while start >= 0 {
      names.append(components[start...].joined(separator: "."))
      start -= 1
    }
    return names
  }

  /// `/a/b` for `["a", "b"]`.
  static func join<C: Collection<String>>(_ components: C) -> String { "/" + components.joined(separator: "/") }

  /// Absolute components of `path`, with `.` dropped and `..` applied.
  static func normalised(_ path: String, currentDirectory: String) -> [String] {
    let absolute = path.hasPrefix("/") ? path : currentDirectory + "/" + path
    var parts: [String] = []
    for part in absolute.split(separator: "/", omittingEmptySubsequences: true) {
      if part == "." { continue }
      if part == ".." {
        _ = parts.popLast()
        continue
      }
      parts.append(String(part))
    }
    return parts
  }
}
