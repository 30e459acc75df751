import PythonSyntax

/// One call, in the code of `caller`, to `callee`: both defs or lambdas of the same file.
public struct CallEdge: Hashable, Sendable {
  public let call: CallSyntax
  public let caller: SyntaxNode
  public let callee: SyntaxNode
}

/// A function the call graph reaches, and the calls that lead there from the root (empty for
/// the root itself): `_isr` → `self._trigger()` → `self._ev.set()` is reached through one call.
public struct ReachedFunction: Hashable, Sendable {
  public let function: SyntaxNode
  public let path: [CallEdge]
}

/// The intra-module call graph: which defs and lambdas of the file the code of a function calls,
/// and which functions are reachable from one.
///
/// A call's target is resolved without types, the way `SemanticModel.functions(referencedBy:)`
/// resolves a callable: plain names through their bindings (`helper()`, a nested def, an alias
/// `h = helper`), `self.m()` / `cls.m()` to the method of the enclosing class, `C.m()` for a
/// class of the file, `obj.m()` for a name bound to `C(…)`, and `C()` to `C.__init__`. Calls to
/// anything else (imports, parameters, attributes of other objects) have no edge, and neither have calls to `async def`s and
/// generator functions: calling one only makes a coroutine or generator object, its code does
/// not run at the call (it runs where the object is awaited or iterated). Built lazily, one
/// function at a time, and cached: a rule asks about the few functions it cares about
/// (interrupt handlers, coroutines), never about the whole file.
///
/// Not `Sendable`: one graph serves the rules of one file (`RuleContext.callGraph`), on one
/// thread.
public final class CallGraph {
  /// Calls followed from a root before the search stops: deep enough for helper chains, and a
  /// bound on the work in generated code.
  public static let defaultDepthLimit = 8

  public let model: SemanticModel
  public let depthLimit: Int
  private var edges: [UInt32: [CallEdge]] = [:]

  public init(_ model: SemanticModel, depthLimit: Int = CallGraph.defaultDepthLimit) {
    self.model = model
    self.depthLimit = depthLimit
  }

  /// The calls the code of `function` (a def or lambda; not the functions nested in it) makes to
  /// functions of this file, in source order; a call with several possible targets gives one
  /// edge per target.
  public func calls(from function: SyntaxNode) -> [CallEdge] {
    if let cached = edges[function.index] { return cached }
    var result: [CallEdge] = []
    for node in function.descendantsAndSelf where node.kind == .call && node != function {
      guard let call = CallSyntax(node), model.enclosingFunction(of: node) == function else { continue }
      for target in targets(of: call) { result.append(CallEdge(call: call, caller: function, callee: target)) }
    }
    edges[function.index] = result
    return result
  }

  /// The plain defs (and lambdas) of this file whose code `call` runs: what its callee names,
  /// or the `__init__` of a class of the file it instantiates.
  public func targets(of call: CallSyntax) -> [SyntaxNode] {
    let callee = call.callee.unparenthesized
    let candidates: [SyntaxNode]
    if let owner = model.classDefinition(named: callee) {
      candidates = model.method(named: "__init__", in: owner).map { [$0.node] } ?? []
    } else {
      candidates = model.functions(referencedBy: callee)
    }
    return candidates.filter { function in
      FunctionDefSyntax(function).map { model.flavor(of: $0) == .plain } ?? true
    }
  }

  /// Every function reachable from `root` (itself first) through at most `depthLimit` calls,
  /// breadth first, each once, with a shortest path of calls to it. Cycles (recursion, mutual
  /// calls) end where a function is reached again.
  public func reachable(from root: SyntaxNode) -> [ReachedFunction] {
    var result = [ReachedFunction(function: root, path: [])]
    var seen: Set<UInt32> = [root.index]
    var next = 0
    while next < result.count {
      let current = result[next]
      next += 1
      if current.path.count >= depthLimit { continue }
      for edge in calls(from: current.function) where seen.insert(edge.callee.index).inserted {
        result.append(ReachedFunction(function: edge.callee, path: current.path + [edge]))
      }
    }
    return result
  }
}
