import Semantics

/// A call the `blocking-call` rule (AF109) should report, added by configuration.
public struct BlockingCall: Hashable, Sendable {
  /// Qualified name as imports resolve it, e.g. `mylib.read_all` or `mylib.Sensor.read`.
  public var name: String
  /// Advice shown with the finding, when the configuration gives one.
  public var advice: String?

  public init(name: String, advice: String? = nil) {
    self.name = name
    self.advice = advice
  }
}

/// Changes to AF109's built-in list of blocking calls.
public struct BlockingCallChanges: Hashable, Sendable {
  /// Calls to report besides the built-in ones.
  public var added: [BlockingCall]
  /// Qualified names of built-in entries not to report (`os.sync` on a port where it is fast).
  public var removed: [String]

  public init(added: [BlockingCall] = [], removed: [String] = []) {
    self.added = added
    self.removed = removed
  }

  public static let none = BlockingCallChanges()
}

/// A function that registers an interrupt, scheduler or thread callback, added by configuration
/// to AF105's built-in list (`machine.Pin.irq`, `micropython.schedule`, …).
///
/// The handler is found at `handlerPosition` (1-based, not counting a method's receiver) or
/// passed as `handlerKeyword=`; at least one of the two is set.
public struct InterruptRegistrar: Hashable, Sendable {
  /// Qualified name of the registering function or method, e.g. `mylib.on_edge` or
  /// `mylib.Button.on_press`.
  public var call: String
  /// 1-based position of the handler among the positional arguments.
  public var handlerPosition: Int?
  /// Keyword the handler may be passed as.
  public var handlerKeyword: String?

  public init(call: String, handlerPosition: Int? = 1, handlerKeyword: String? = nil) {
    self.call = call
    self.handlerPosition = handlerPosition
    self.handlerKeyword = handlerKeyword
  }
}

/// The settings one configuration file holds, as written: `nil` or empty where it says nothing.
///
/// Resolved against the command line and a file's path into `Settings` by
/// `ConfigurationLoader`. Configurations do not inherit from one another: the nearest one
/// governs alone, as in ruff.
public struct Configuration: Hashable, Sendable {
  /// The file as shown in messages.
  public var file: String
  /// Absolute, normalised directory of the file: `exclude` and `per-file-ignores` globs are
  /// relative to it.
  public var directory: String

  public var select: [String]?
  public var ignore: [String] = []
  public var extendSelect: [String] = []
  public var perFileIgnores: [PerFileIgnore] = []
  /// The `exclude` patterns, compiled; the default exclusions of `FileDiscovery` still apply.
  var exclude = Gitignore(contents: [])
  public var target: TargetSetting?
  public var unsafeFixes: Bool?
  public var preciseDelayMilliseconds: Int?
  public var blockingCalls = BlockingCallChanges.none
  public var interruptRegistrars: [InterruptRegistrar] = []

  public init(file: String, directory: String) {
    self.file = file
    self.directory = directory
  }
}
