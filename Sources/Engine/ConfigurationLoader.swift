import ConfigurationTOML

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds, reads and caches the configuration of each file to check (DESIGN §4).
///
/// Lookup walks up from a file's directory to the root and stops at the first directory holding
/// an `asyncfix.toml` (its top-level keys) or a `pyproject.toml` with a `[tool.asyncfix]` table;
/// when a directory has both, `asyncfix.toml` wins, as ruff's `ruff.toml` does. A
/// `pyproject.toml` without the table does not count and the walk goes on. `--config FILE`
/// replaces the lookup for every path. Files are thereby grouped by configuration: subprojects
/// can have settings of their own, and configurations never merge.
///
/// Not thread-safe: discovery and settings resolution run on one thread before the parallel
/// per-file work, so each directory is looked up once, with no lock.
public final class ConfigurationLoader {
  /// A configuration file's name and where in it the settings live.
  enum Kind {
    /// `asyncfix.toml`: the settings are the top-level keys.
    case asyncfixTOML
    /// `pyproject.toml`: the settings are `[tool.asyncfix]`; the file counts only if it has one.
    case pyproject

    var tablePath: [String] {
      switch self {
      case .asyncfixTOML: []
      case .pyproject: ["tool", "asyncfix"]
      }
    }

    init(fileName: Substring) {
      self = fileName == "pyproject.toml" ? .pyproject : .asyncfixTOML
    }
  }

  /// What governs a directory: a configuration, the defaults (`nil`), or a file that is broken.
  public typealias Lookup = Result<Configuration?, ConfigurationError>

  private let paths: ConfigurationPaths
  private let overrides: ConfigurationOverrides
  /// The `--config` file's lookup, when one was given.
  private var explicit: Lookup?
  /// Lookups by absolute directory.
  private var directories: [String: Lookup] = [:]
  /// What each configuration file held, by absolute path (`.success(nil)`: a `pyproject.toml`
  /// without `[tool.asyncfix]`).
  private var files: [String: Lookup] = [:]
  /// Settings before `per-file-ignores`, by configuration file (`""` for the defaults).
  private var baseSettings: [String: Settings] = [:]

  /// - Parameters:
  ///   - configurationFile: `--config FILE`, governing every path; `nil` to look up.
  ///   - overrides: the command line's settings.
  ///   - workingDirectory: what relative paths are relative to (default: the process's).
  public init(
    configurationFile: String? = nil, overrides: ConfigurationOverrides = ConfigurationOverrides(),
    workingDirectory: String? = nil
  ) {
    paths = ConfigurationPaths(workingDirectory: workingDirectory)
    self.overrides = overrides
    if let configurationFile {
      let absolute = paths.absolute(configurationFile)
      let name = absolute.split(separator: "/").last ?? ""
      explicit = load(absolute, display: configurationFile, kind: Kind(fileName: name))
    }
  }

  // MARK: - Lookup

  /// The configuration governing `path` (a file or directory, as given or discovered).
  public func lookup(forPath path: String, isDirectory: Bool) -> Lookup {
    if let explicit { return explicit }
    let absolute = paths.absolute(path)
    return lookup(forDirectory: isDirectory ? absolute : ConfigurationPaths.parent(of: absolute) ?? "/")
  }

  /// The settings for the file at `path`: its configuration with the command line and its
  /// `per-file-ignores` applied, or the error of a broken configuration.
  public func settings(forFile path: String) -> Result<Settings, ConfigurationError> {
    let configuration: Configuration?
    switch lookup(forPath: path, isDirectory: false) {
    case .failure(let error): return .failure(error)
    case .success(let found): configuration = found
    }
    let key = configuration.map { $0.directory + "\u{0}" + $0.file } ?? ""
    var settings: Settings
    if let cached = baseSettings[key] {
      settings = cached
    } else {
      settings = Settings(configuration: configuration, overrides: overrides)
      baseSettings[key] = settings
    }
    guard let configuration, !configuration.perFileIgnores.isEmpty else { return .success(settings) }
    let absolute = paths.absolute(path)
    let relative = ConfigurationPaths.components(of: absolute, below: configuration.directory)
    let name = absolute.split(separator: "/").last ?? ""
    let ignored = configuration.perFileIgnores.filter { $0.applies(toRelative: relative, name: name) }
    settings.selection = settings.selection.removing(ignored.flatMap(\.selectors))
    return .success(settings)
  }

  /// Whether an entry met while walking a directory is left out by its configuration's `exclude`
  /// (the configuration governing the directory it is in). A broken configuration excludes
  /// nothing: its files are reported as not checked anyway.
  public func isExcluded(_ path: String, isDirectory: Bool) -> Bool {
    guard case .success(let found) = lookup(forPath: path, isDirectory: false), let configuration = found,
      !configuration.exclude.patterns.isEmpty
    else { return false }
    let absolute = paths.absolute(path)
    guard let relative = ConfigurationPaths.components(of: absolute, below: configuration.directory) else {
      // Outside the configuration's directory (`--config` elsewhere): only name globs apply.
      let name = absolute.split(separator: "/").last ?? ""
      let rules = Gitignore(patterns: configuration.exclude.patterns.filter { !$0.isAnchored })
      return rules.verdict(for: [name], isDirectory: isDirectory) ?? false
    }
    return configuration.exclude.verdict(for: relative, isDirectory: isDirectory) ?? false
  }

  private func lookup(forDirectory directory: String) -> Lookup {
    if let cached = directories[directory] { return cached }
    var result: Lookup = .success(nil)
    var visited: [String] = []
    var current: String? = directory
    search: while let here = current {
      if let cached = directories[here] {
        result = cached
        break
      }
      visited.append(here)
      for (name, kind) in [("asyncfix.toml", Kind.asyncfixTOML), ("pyproject.toml", .pyproject)] {
        let file = here == "/" ? "/" + name : here + "/" + name
        guard Self.isFile(file) else { continue }
        let loaded = load(file, display: paths.display(file), kind: kind)
        if case .success(nil) = loaded { continue }
        result = loaded
        break search
      }
      current = ConfigurationPaths.parent(of: here)
    }
    for here in visited { directories[here] = result }
    return result
  }

  // MARK: - Reading

  /// Reads and parses one configuration file, once.
  private func load(_ absolute: String, display: String, kind: Kind) -> Lookup {
    if let cached = files[absolute] { return cached }
    let result = Self.parse(file: absolute, display: display, kind: kind)
    files[absolute] = result
    return result
  }

  /// The configuration in the file at `path`, `nil` for a `pyproject.toml` without
  /// `[tool.asyncfix]`.
  static func parse(file path: String, display: String, kind: Kind) -> Lookup {
    let bytes: [UInt8]
    switch SourceFile.read(path) {
    case .success(let contents): bytes = contents
    case .failure(let error): return .failure(ConfigurationError(file: display, message: error.message))
    }
    let directory = ConfigurationPaths.parent(of: path) ?? "/"
    return parse(bytes: bytes, display: display, directory: directory, kind: kind)
  }

  /// The configuration in `bytes`, read from the file shown as `display` in `directory`.
  static func parse(bytes: [UInt8], display: String, directory: String, kind: Kind) -> Lookup {
    guard let text = String(validating: bytes, as: UTF8.self) else {
      return .failure(ConfigurationError(file: display, message: "invalid TOML: the file is not valid UTF-8"))
    }
    if let nul = bytes.firstIndex(of: 0) {
      // TOMLKit hands the text to C++ as a C string, which would end at the NUL unseen.
      let line = bytes[..<nul].count { $0 == UInt8(ascii: "\n") } + 1
      return .failure(
        ConfigurationError(file: display, line: line, message: "invalid TOML: NUL characters are not allowed"))
    }
    let document: [String: TOMLNode]
    do {
      document = try TOMLReader.parse(text)
    } catch {
      let message = error.message.prefix(1).lowercased() + error.message.dropFirst()
      return .failure(
        ConfigurationError(file: display, line: error.line, column: error.column, message: "invalid TOML: \(message)"))
    }
    let sourceMap = ConfigurationSourceMap(text: text)
    var settings = document
    for (depth, key) in kind.tablePath.enumerated() {
      guard let value = settings[key] else { return .success(nil) }
      guard let table = value.table else {
        if depth < kind.tablePath.count - 1 { return .success(nil) }
        let name = kind.tablePath.joined(separator: ".")
        return .failure(
          ConfigurationError(
            file: display, line: sourceMap.line(of: kind.tablePath),
            message: "[\(name)] must be a table, got \(ConfigurationParser.describe(value))"))
      }
      settings = table
    }
    let parser = ConfigurationParser(
      file: display, directory: directory, tablePath: kind.tablePath, sourceMap: sourceMap)
    do {
      return .success(try parser.parse(settings))
    } catch {
      return .failure(error)
    }
  }

  private static func isFile(_ path: String) -> Bool {
    var status = stat()
    return stat(path, &status) == 0 && status.st_mode & S_IFMT != S_IFDIR
  }
}
