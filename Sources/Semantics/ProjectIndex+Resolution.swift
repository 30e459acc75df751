/// What a qualified name is in the project: a module, a function (with its kind), or a class.
public enum ProjectSymbol: Hashable, Sendable {
  case module
  case function(FunctionKind)
  case `class`(ProjectClass)
}

/// A class of some indexed module, to look its methods up through its bases.
public struct ProjectClass: Hashable, Sendable {
  /// The module defining it (index into the project index).
  let module: Int
  public let summary: ClassSummary
}

extension ProjectIndex {
  /// How many imports and bases a lookup follows before giving up (re-export cycles).
  static let maximumDepth = 16

  /// What `name` (as the file at `path` imports it: `pkg.net.send`, or relative `.net.send`)
  /// is in the project; `nil` when it leads outside the indexed modules or to a name the
  /// summaries cannot tell (bound by an assignment, rebound). A decorated def is
  /// `.function(.decorated)`, not `nil`.
  public func resolve(_ name: QualifiedName, from path: String) -> ProjectSymbol? {
    if modules.isEmpty { return nil }
    return resolve(name, from: modulePath(of: path), depth: 0)
  }

  /// `resolve(_:from:)` for an importer whose `modulePath(of:)` is known (rules compute it once
  /// per file).
  public func resolve(_ name: QualifiedName, from importer: ModulePath) -> ProjectSymbol? {
    if modules.isEmpty { return nil }
    return resolve(name, from: importer, depth: 0)
  }

  /// The kind of method `name` of `projectClass`, searched in the class and then its bases in
  /// order (Python's MRO for single inheritance, and for the usual mixins); `nil` when not found
  /// for certain (a base the index cannot follow, a name rebound in the class body).
  public func method(_ name: String, of projectClass: ProjectClass) -> FunctionKind? {
    method(name, of: projectClass, depth: 0)
  }

  func resolve(_ name: QualifiedName, from importer: ModulePath, depth: Int) -> ProjectSymbol? {
    guard depth < Self.maximumDepth else { return nil }
    let components = name.components
    if name.isRelative {
      var base = importer.packageDirectory
      guard name.relativeLevel - 1 <= base.count else { return nil }
      base.removeLast(name.relativeLevel - 1)
      for length in stride(from: components.count, through: 0, by: -1) {
        if let module = byPath[base + components[..<length]] {
          return member(components[length...], of: module, depth: depth)
        }
      }
      return nil
    }
    for length in stride(from: components.count, through: 1, by: -1) {
      if let module = module(named: components[..<length].joined(separator: "."), from: importer) {
        return member(components[length...], of: module, depth: depth)
      }
    }
    return nil
  }

  /// What the attribute chain `rest` is on module `index`.
  func member(_ rest: ArraySlice<String>, of index: Int, depth: Int) -> ProjectSymbol? {
    guard let name = rest.first else { return .module }
    let module = modules[index]
    let tail = rest.dropFirst()
    switch module.summary.members[name] {
    case .function(let kind):
      return tail.isEmpty ? .function(kind) : nil
    case .class(let summary):
      let projectClass = ProjectClass(module: index, summary: summary)
      if tail.isEmpty { return .class(projectClass) }
      guard tail.count == 1, let kind = method(tail.first!, of: projectClass, depth: depth + 1) else { return nil }
      return .function(kind)
    case .imported(let target):
      return resolve(target.appending(contentsOf: Array(tail)), from: module.path, depth: depth + 1)
    case .other:
      return nil
    case nil:
      if let submodule = submodule(name, of: index) { return member(tail, of: submodule, depth: depth + 1) }
      for source in module.summary.wildcardImports {
        if let found = resolve(source.appending(contentsOf: Array(rest)), from: module.path, depth: depth + 1) {
          return found
        }
      }
      return nil
    }
  }

  func method(_ name: String, of projectClass: ProjectClass, depth: Int) -> FunctionKind? {
    guard depth < Self.maximumDepth else { return nil }
    let summary = projectClass.summary
    if let kind = summary.methods[name] { return kind }
    if summary.otherNames.contains(name) { return nil }
    let module = modules[projectClass.module]
    for base in summary.bases {
      let baseClass: ProjectClass
      switch base {
      case .unknown:
        return nil
      case .local(let baseName):
        guard case .class(let baseSummary) = module.summary.members[baseName] else { return nil }
        baseClass = ProjectClass(module: projectClass.module, summary: baseSummary)
      case .imported(let qualifiedName):
        guard case .class(let found) = resolve(qualifiedName, from: module.path, depth: depth + 1) else { return nil }
        baseClass = found
      }
      if let kind = method(name, of: baseClass, depth: depth + 1) { return kind }
      // Not found in this base for certain only if the base's whole chain is known; `method`
      // returns nil for both, so an unknown deeper base must stop the search as well.
      if !chainIsKnown(baseClass, depth: depth + 1) { return nil }
    }
    return nil
  }

  /// Whether every base up the chain of `projectClass` is a class the index knows.
  private func chainIsKnown(_ projectClass: ProjectClass, depth: Int) -> Bool {
    guard depth < Self.maximumDepth else { return false }
    let module = modules[projectClass.module]
    for base in projectClass.summary.bases {
      switch base {
      case .unknown: return false
      case .local(let baseName):
        guard case .class(let summary) = module.summary.members[baseName],
          chainIsKnown(ProjectClass(module: projectClass.module, summary: summary), depth: depth + 1)
        else { return false }
      case .imported(let qualifiedName):
        guard case .class(let found) = resolve(qualifiedName, from: module.path, depth: depth + 1),
          chainIsKnown(found, depth: depth + 1)
        else { return false }
      }
    }
    return true
  }
}
