import Semantics

/// What the command line says about settings that a configuration file can also set. Command-line
/// options win over the configuration, as in ruff.
public struct ConfigurationOverrides: Hashable, Sendable {
  /// `--select`: replaces the configuration's `select`, `extend-select` and `ignore` (a rule asked
  /// for by name runs, whatever the file ignores); `per-file-ignores` still apply.
  public var select: [String]?
  /// `--ignore`: disabled on top of whatever the configuration (or `--select`) enables.
  public var ignore: [String]
  /// `--target`: replaces the configuration's `target`.
  public var target: TargetSetting?
  /// `--unsafe-fixes` (`true`) or its negation (`false`); `nil` leaves the configuration's.
  public var unsafeFixes: Bool?

  public init(select: [String]? = nil, ignore: [String] = [], target: TargetSetting? = nil, unsafeFixes: Bool? = nil) {
    self.select = select
    self.ignore = ignore
    self.target = target
    self.unsafeFixes = unsafeFixes
  }
}

/// The settings in force for one file: its configuration (or the defaults) with the command line
/// applied and its `per-file-ignores` resolved. This is what the rules read.
public struct Settings: Hashable, Sendable {
  /// The rules enabled for this file.
  public var selection: CodeSelection
  public var target: TargetSetting
  /// Whether unsafe fixes are applied.
  public var unsafeFixes: Bool
  /// AF102 leaves `sleep_ms(n)` / `sleep_us(n)` of at most this many milliseconds alone: such
  /// short delays are deliberate precise timing.
  public var preciseDelayMilliseconds: Int
  /// Additions to and removals from AF109's list of blocking calls.
  public var blockingCalls: BlockingCallChanges
  /// Registrations of interrupt callbacks for AF105, besides the built-in ones.
  public var interruptRegistrars: [InterruptRegistrar]
  /// The configuration file these settings come from, as shown to the user; `nil` for defaults.
  public var configurationFile: String?

  public static let defaultPreciseDelayMilliseconds = 5

  public init(
    selection: CodeSelection = .all, target: TargetSetting = .auto, unsafeFixes: Bool = false,
    preciseDelayMilliseconds: Int = Settings.defaultPreciseDelayMilliseconds,
    blockingCalls: BlockingCallChanges = .none, interruptRegistrars: [InterruptRegistrar] = [],
    configurationFile: String? = nil
  ) {
    self.selection = selection
    self.target = target
    self.unsafeFixes = unsafeFixes
    self.preciseDelayMilliseconds = preciseDelayMilliseconds
    self.blockingCalls = blockingCalls
    self.interruptRegistrars = interruptRegistrars
    self.configurationFile = configurationFile
  }

  /// The defaults, with nothing from a file or the command line.
  public static let defaults = Settings()

  /// `configuration` (or the defaults when `nil`) with `overrides` applied, before any
  /// `per-file-ignores`.
  ///
  /// Selection is layered as in ruff: the configuration's `select` (default: everything) plus
  /// `extend-select` minus `ignore`, the longest selector winning and `ignore` winning ties; then
  /// `--select` starts over, or `--ignore` removes codes from the result.
  public init(configuration: Configuration?, overrides: ConfigurationOverrides) {
    var selection: CodeSelection
    if let select = overrides.select {
      selection = Self.selection(select: select, ignore: overrides.ignore)
    } else {
      selection = Self.selection(
        select: (configuration?.select ?? ["AF"]) + (configuration?.extendSelect ?? []),
        ignore: configuration?.ignore ?? [])
      selection = selection.removing(overrides.ignore)
    }
    self.init(
      selection: selection, target: overrides.target ?? configuration?.target ?? .auto,
      unsafeFixes: overrides.unsafeFixes ?? configuration?.unsafeFixes ?? false,
      preciseDelayMilliseconds: configuration?.preciseDelayMilliseconds ?? Self.defaultPreciseDelayMilliseconds,
      blockingCalls: configuration?.blockingCalls ?? .none,
      interruptRegistrars: configuration?.interruptRegistrars ?? [], configurationFile: configuration?.file)
  }

  /// A selection from selectors already known to be valid (the parser and the command line
  /// check them); an unknown one is dropped rather than trapping.
  private static func selection(select: [String], ignore: [String]) -> CodeSelection {
    let known = RuleCatalog.all.map(\.code)
    let isKnown = { (selector: String) in known.contains { $0.hasPrefix(selector) } }
    return (try? CodeSelection(select: select.filter(isKnown), ignore: ignore.filter(isKnown))) ?? .all
  }
}

extension CodeSelection {
  /// This selection without the codes any of `selectors` matches.
  func removing(_ selectors: [String]) -> CodeSelection {
    if selectors.isEmpty { return self }
    let kept = enabled.filter { code in !selectors.contains { code.hasPrefix($0) } }
    // Whole codes are always known: this cannot throw.
    return (try? CodeSelection(select: kept.sorted(), ignore: [])) ?? self
  }
}
