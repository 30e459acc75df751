/// A dotted name as imports define it: `time.sleep`, `machine.Pin.irq`, or, for a relative
/// import, `..pkg.y` (`relativeLevel` 2, components `pkg`, `y`) to be resolved against the
/// importing file's package by the project index.
public struct QualifiedName: Hashable, Sendable, CustomStringConvertible {
  public var components: [String]
  /// The number of leading dots of a relative import (0 for an absolute name).
  public var relativeLevel: Int

  public init(components: [String], relativeLevel: Int = 0) {
    self.components = components
    self.relativeLevel = relativeLevel
  }

  /// Parses `"a.b.c"` or `"..a.b"` (leading dots give the relative level).
  public init(_ dotted: String) {
    let level = dotted.prefix { $0 == "." }.count
    self.init(components: dotted.dropFirst(level).split(separator: ".").map(String.init), relativeLevel: level)
  }

  public var description: String {
    String(repeating: ".", count: relativeLevel) + components.joined(separator: ".")
  }

  public var isRelative: Bool { relativeLevel > 0 }

  /// The last component (`sleep` in `time.sleep`).
  public var lastComponent: String? { components.last }

  public func appending(_ component: String) -> QualifiedName {
    QualifiedName(components: components + [component], relativeLevel: relativeLevel)
  }

  public func appending(contentsOf tail: [String]) -> QualifiedName {
    QualifiedName(components: components + tail, relativeLevel: relativeLevel)
  }

  /// The name with MicroPython's module names replaced by CPython's (`utime.sleep` gives
  /// `time.sleep`, `uasyncio.Event` gives `asyncio.Event`), so rules list each API once.
  public var canonical: QualifiedName {
    guard relativeLevel == 0, let first = components.first, let module = ModuleAliases.canonicalModule(first)
    else { return self }
    var result = self
    result.components[0] = module
    return result
  }

  /// Whether this name, canonicalised, equals `dotted` canonicalised.
  public func matches(_ dotted: String) -> Bool { canonical == QualifiedName(dotted).canonical }
}
