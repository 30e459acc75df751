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
    guard let last = components.last else { return [] }
    return Self.namePrefixes(of: components, isPackageDirectory: isPackageDirectory).map { $0 + last }
  }

  /// What `importNames` puts before the module's own last component, shortest first (`""`,
  /// `"app."`, `"proj.app."`): it depends only on the directory, so `ImportNameCache` keeps it
  /// per directory.
  static func namePrefixes(of components: [String], isPackageDirectory: (String) -> Bool) -> [String] {
    // The directories from the module's own package up, while each one is a package.
    var first = components.count - 1
    while first > 0 && isPackageDirectory(ModulePath.join(components[..<first])) { first -= 1 }
    // `first` is the first component of the shortest name: the outermost package, or the
    // module itself.
    return stride(from: first, through: 0, by: -1).map { start in
      components[start..<components.count - 1].map { $0 + "." }.joined()
    }
  }

  /// `/a/b` for `["a", "b"]`.
  static func join<C: Collection<String>>(_ components: C) -> String { "/" + components.joined(separator: "/") }

  /// Absolute components of `path`, with `.` dropped and `..` applied.
  static func normalised(_ path: String, currentDirectory: String) -> [String] {
    var parts: [String] = []
    // Split on the UTF-8 bytes: every file of a run is named here, and splitting into
    // substrings compared with "." and ".." cost a percent of a `check`.
    func append(_ text: String) {
      var text = text
      text.withUTF8 { bytes in
        var start = 0
        for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: "/") {
          defer { start = end + 1 }
          let part = UnsafeBufferPointer(rebasing: bytes[start..<end])
          if part.isEmpty || (part.count == 1 && part[0] == UInt8(ascii: ".")) { continue }
          if part.count == 2 && part[0] == UInt8(ascii: ".") && part[1] == UInt8(ascii: ".") {
            _ = parts.popLast()
            continue
          }
          parts.append(String(decoding: part, as: UTF8.self))
        }
      }
    }
    if !path.hasPrefix("/") { append(currentDirectory) }
    append(path)
    return parts
  }
}

/// `ModulePath.importNames` for every module of a run, with the work that depends only on a
/// module's directory (which ancestors are packages, the dotted prefixes) done once per
/// directory: a directory holds many modules, and a module deep in a tree has many names.
struct ImportNameCache {
  /// By directory (components joined with `/`): `ModulePath.namePrefixes`.
  private var prefixes: [String: [String]] = [:]
  /// `isPackageDirectory`'s answers, by directory path.
  private var packages: [String: Bool] = [:]

  /// `path.importNames(isPackageDirectory:)`.
  mutating func names(of path: ModulePath, isPackageDirectory: (String) -> Bool) -> [String] {
    let components = path.components
    guard let last = components.last else { return [] }
    let key = components.dropLast().joined(separator: "/")
    let known =
      prefixes[key]
      ?? ModulePath.namePrefixes(of: components) { directory in
        if let known = packages[directory] { return known }
        let answer = isPackageDirectory(directory)
        packages[directory] = answer
        return answer
      }
    prefixes[key] = known
    return known.map { $0 + last }
  }
}
