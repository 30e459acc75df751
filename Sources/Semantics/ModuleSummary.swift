import PythonSyntax

/// What calling a `def` gives, as far as awaiting it goes.
public enum FunctionKind: Hashable, Sendable {
  /// `async def` without `yield`: calling it makes a coroutine that runs only when awaited.
  case coroutine
  /// `async def` with `yield`: an async generator (iterated with `async for`, never awaited).
  case asyncGenerator
  /// A plain `def` with `yield`: MicroPython's asyncio awaits generators (its own `sleep`,
  /// `wait_for`, … are generator functions there), so calling one from a coroutine without
  /// `await` is the same mistake; in CPython it only makes a generator nobody runs.
  case generator
  /// A plain `def` without `yield`.
  case plain
  /// A def under a decorator other than `staticmethod`/`classmethod`: what calling it gives
  /// depends on the decorator (`@contextlib.asynccontextmanager` turns an `async def` into a
  /// function returning a context manager), so nothing is assumed.
  case decorated
}

/// How instances of a called class are awaitable (`SemanticModel.calledAwaitableClass`): by
/// CPython's protocol, MicroPython's, or both.
public struct AwaitableClass: OptionSet, Hashable, Sendable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  /// The class or a base defines `__await__` (CPython awaits through it; MicroPython 1.29 does not).
  public static let awaitMethod = AwaitableClass(rawValue: 1)
  /// The class or a base defines an `__iter__` that yields (MicroPython awaits by iterating).
  public static let iteratorGenerator = AwaitableClass(rawValue: 2)
}

/// What one module defines at its top level, as the project index needs it to say what a name
/// imported from it is: its functions by kind, its classes with their methods, and the names it
/// imports (re-exports: `from .net import send` in `pkg/__init__.py` makes `pkg.send` the same
/// function as `pkg.net.send`).
///
/// Built from a module's model the first time the index is asked about the module
/// (`ModuleSummaryCell`), then read by every other file of the run. A name bound more than once at module level counts only when every binding
/// agrees (two `async def send` in the branches of an `if`); otherwise it is `.other`, which
/// hides it from the rules: a name rebound to something unknown proves nothing.
public struct ModuleSummary: Hashable, Sendable {
  /// What a module-level name is.
  public enum Member: Hashable, Sendable {
    case function(FunctionKind)
    case `class`(ClassSummary)
    /// Bound by an import (every binding the same name): `.net.send` (relative, resolved against
    /// the module's own package) or `pkg.net.send`.
    case imported(QualifiedName)
    /// Anything else (an assignment, a parameter-free lambda, disagreeing bindings).
    case other
  }

  /// Module-level names.
  public var members: [String: Member]
  /// The modules of `from m import *` at module level, in source order.
  public var wildcardImports: [QualifiedName]

  public init(members: [String: Member] = [:], wildcardImports: [QualifiedName] = []) {
    self.members = members
    self.wildcardImports = wildcardImports
  }

  /// The summary of the file `model` describes.
  public init(_ model: SemanticModel) {
    // Straight off the binding columns, grouped by interned symbol: only module-level bindings
    // and those of module-level classes become `Binding` values, and each name one `String`.
    let module = ScopeID.module.rawValue
    var moduleGroups: [UInt32: [BindingID]] = [:]
    var classScopes: Set<UInt32> = []
    for index in model.bindingScopes.indices where model.bindingScopes[index] == module {
      moduleGroups[model.bindingSymbols[index], default: []].append(BindingID(UInt32(index)))
      if model.bindingKinds[index] == .class, let scope = model.scopeIndex(openedBy: model.bindingNodes[index]) {
        classScopes.insert(scope)
      }
    }
    var classGroups: [UInt32: [UInt32: [BindingID]]] = [:]
    if !classScopes.isEmpty {
      for index in model.bindingScopes.indices where classScopes.contains(model.bindingScopes[index]) {
        let id = BindingID(UInt32(index))
        classGroups[model.bindingScopes[index], default: [:]][model.bindingSymbols[index], default: []].append(id)
      }
    }
    var members: [String: Member] = [:]
    for bindings in Self.named(moduleGroups, in: model) {
      members[bindings[0].name] = Self.member(bindings, in: model) { classNode in
        let groups = model.scopeIndex(openedBy: classNode.index).flatMap { classGroups[$0] } ?? [:]
        return ClassSummary(classNode, bindings: Self.named(groups, in: model), in: model)
      }
    }
    self.members = members
    wildcardImports = model.imports.compactMap { record in
      record.isWildcard && model.scope(of: record.node).kind == .module ? record.moduleName : nil
    }
  }

  /// The groups of binding numbers as `Binding` values, one group per name.
  static func named(_ groups: [UInt32: [BindingID]], in model: SemanticModel) -> [[Binding]] {
    groups.values.map { group in group.map { model.binding($0) } }
  }

  /// What the module-level bindings `bindings` of one name make of it.
  static func member(
    _ bindings: [Binding], in model: SemanticModel, classSummary: (SyntaxNode) -> ClassSummary
  ) -> Member {
    let valued = bindings.filter { $0.kind != .annotation }
    guard let first = valued.first else { return .other }
    switch first.kind {
    case .function:
      guard let kind = model.functionKind(of: valued) else { return .other }
      return .function(kind)
    case .class:
      return valued.count == 1 ? .class(classSummary(first.node)) : .other
    case .import:
      let names = valued.map { model.importRecord(for: $0)?.qualifiedName }
      guard let name = names[0], names.allSatisfy({ $0 == name }) else { return .other }
      return .imported(name)
    default:
      return .other
    }
  }
}

/// A module-level class: its methods by kind, its bases, and whether its instances are awaitable.
public struct ClassSummary: Hashable, Sendable {
  /// Where a base class comes from.
  public enum Base: Hashable, Sendable {
    /// A class of the same module, by its module-level name.
    case local(String)
    /// An imported class: its qualified name as the module's imports give it.
    case imported(QualifiedName)
    /// Anything the index cannot follow (`Generic[T]`, a call, a parameter): a method not found
    /// in the class itself may come from it, so the lookup gives up.
    case unknown
  }

  /// Methods (class-level defs; names the class binds otherwise are absent, and a name bound
  /// both ways is not a method).
  public var methods: [String: FunctionKind]
  /// Names bound in the class body by something other than a def (they hide a base's method).
  public var otherNames: Set<String>
  /// Bases in order; `object` left out.
  public var bases: [Base]
  /// The class defines `__await__`: calling it makes an awaitable instance. Calls to it are not
  /// missing awaits (a constructor is as often called for what it sets up), but the instance is.
  public var definesAwait: Bool { methods["__await__"] != nil }

  public init(methods: [String: FunctionKind], otherNames: Set<String> = [], bases: [Base] = []) {
    self.methods = methods
    self.otherNames = otherNames
    self.bases = bases
  }

  /// `bindings`: the class body's bindings, one group per name.
  init(_ classNode: SyntaxNode, bindings: [[Binding]], in model: SemanticModel) {
    var methods: [String: FunctionKind] = [:]
    var otherNames: Set<String> = []
    for group in bindings {
      let name = group[0].name
      if let kind = model.functionKind(of: group) { methods[name] = kind } else { otherNames.insert(name) }
    }
    self.methods = methods
    self.otherNames = otherNames
    bases = ClassDefSyntax(classNode)?.bases.compactMap { model.classBase($0) } ?? []
  }
}

extension SemanticModel {
  /// The kind shared by `bindings` when every one is a def (annotations ignored) and they agree;
  /// `nil` otherwise.
  public func functionKind(of bindings: [Binding]) -> FunctionKind? {
    var result: FunctionKind?
    for binding in bindings where binding.kind != .annotation {
      guard binding.kind == .function, let function = FunctionDefSyntax(binding.node) else { return nil }
      let kind = functionKind(of: function)
      if let known = result, known != kind { return nil }
      result = kind
    }
    return result
  }

  /// What calling `function` gives. `@staticmethod` and `@classmethod` change how a method is
  /// bound, not what it returns; any other decorator makes it `.decorated`.
  public func functionKind(of function: FunctionDefSyntax) -> FunctionKind {
    // Decorators are a def's first children; most defs have none, and listing them allocates.
    if function.node.child(at: 0)?.kind == .decorator {
      if let kind = decoratedKind(function) { return kind }
    }
    switch flavor(of: function) {
    case .coroutine: return .coroutine
    case .asyncGenerator: return .asyncGenerator
    case .generator: return .generator
    case .plain: return .plain
    }
  }

  /// `.decorated` when a decorator of `function` is not `staticmethod` or `classmethod`.
  private func decoratedKind(_ function: FunctionDefSyntax) -> FunctionKind? {
    for decorator in function.decorators {
      let expression = decorator.expression.unparenthesized
      guard NameSyntax(expression).map({ $0.isIdentifier("staticmethod") || $0.isIdentifier("classmethod") }) == true,
        case .builtin = resolve(expression)
      else { return .decorated }
    }
    return nil
  }

  /// A class's base expression as the index follows it; `nil` for `object` (every class has it).
  func classBase(_ expression: SyntaxNode) -> ClassSummary.Base? {
    let node = expression.unparenthesized
    if node.kind == .name {
      switch resolve(node) {
      case .builtin(let name): return name == "object" ? nil : .unknown
      case .bound(let bindings):
        if bindings.count == 1, bindings[0].kind == .class, bindings[0].scope == .module {
          return .local(bindings[0].name)
        }
      case .unresolved: break
      }
    }
    if case let names = qualifiedNames(of: node), names.count == 1, names[0].components.first != "builtins" {
      return .imported(names[0])
    }
    return .unknown
  }
}
