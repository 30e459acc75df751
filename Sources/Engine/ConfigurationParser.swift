import Semantics
import ConfigurationTOML

/// Turns the `[tool.asyncfix]` table of a `pyproject.toml`, or the top level of an
/// `asyncfix.toml`, into a `Configuration`, checking every key and value (DESIGN §4).
///
/// The first problem in file order is reported, naming the key and its line:
/// `[tool.asyncfix] 'precise-delay-ms' must be a non-negative integer, got "5"`.
struct ConfigurationParser {
  typealias Needle = ConfigurationSourceMap.Needle

  /// The file as shown in messages.
  let file: String
  /// Absolute, normalised directory of the file.
  let directory: String
  /// Where the settings live in the file: `["tool", "asyncfix"]`, or `[]` for the top level.
  let tablePath: [String]
  let sourceMap: ConfigurationSourceMap

  /// Every key the settings table may hold.
  static let keys = [
    "select", "ignore", "extend-select", "per-file-ignores", "exclude", "target", "unsafe-fixes",
    "precise-delay-ms", "blocking-calls", "interrupt-registrars",
  ]

  func parse(_ table: [String: TOMLNode]) throws(ConfigurationError) -> Configuration {
    var configuration = Configuration(file: file, directory: directory)
    for key in inFileOrder(Array(table.keys), under: []) {
      guard let value = table[key] else { continue }
      switch key {
      case "select": configuration.select = try selectors(value, key: "'select'", at: [key])
      case "ignore": configuration.ignore = try selectors(value, key: "'ignore'", at: [key])
      case "extend-select": configuration.extendSelect = try selectors(value, key: "'extend-select'", at: [key])
      case "per-file-ignores": configuration.perFileIgnores = try perFileIgnores(value)
      case "exclude": configuration.exclude = try exclude(value)
      case "target": configuration.target = try target(value)
      case "unsafe-fixes":
        guard let flag = value.boolean else {
          throw error("'unsafe-fixes' must be true or false, got \(Self.describe(value))", at: [key])
        }
        configuration.unsafeFixes = flag
      case "precise-delay-ms":
        guard let milliseconds = value.integer, milliseconds >= 0 else {
          throw error("'precise-delay-ms' must be a non-negative integer, got \(Self.describe(value))", at: [key])
        }
        configuration.preciseDelayMilliseconds = milliseconds
      case "blocking-calls": configuration.blockingCalls = try blockingCalls(value)
      case "interrupt-registrars": configuration.interruptRegistrars = try interruptRegistrars(value)
      default: throw unknownKey(key, among: Self.keys, at: [key], what: "unknown key")
      }
    }
    return configuration
  }

  // MARK: - Rule selection

  /// An array of known rule codes or prefixes. `key` names the value in messages.
  private func selectors(_ value: TOMLNode, key: String, at path: [String]) throws(ConfigurationError)
    -> [String]
  {
    let shape = "\(key) must be an array of rule codes or prefixes"
    guard let array = value.array else {
      throw error("\(shape), got \(Self.describe(value))", at: path)
    }
    var selectors: [String] = []
    for element in array {
      guard let selector = element.string else {
        throw error("\(shape), got \(Self.describe(element)) in it", at: path)
      }
      guard !selector.isEmpty, RuleCatalog.all.contains(where: { $0.code.hasPrefix(selector) }) else {
        throw error(
          "\(key): \(CodeSelection.UnknownCodeError(selector: selector).description)", at: path,
          needle: .string(selector))
      }
      selectors.append(selector)
    }
    return selectors
  }

  private func perFileIgnores(_ value: TOMLNode) throws(ConfigurationError) -> [PerFileIgnore] {
    let path = ["per-file-ignores"]
    guard let table = value.table else {
      throw error(
        "'per-file-ignores' must be a table of globs to arrays of rule codes, like { \"tests/*.py\" = [\"AF109\"] }, "
          + "got \(Self.describe(value))", at: path)
    }
    var entries: [PerFileIgnore] = []
    for glob in inFileOrder(Array(table.keys), under: path) {
      guard let codes = table[glob] else { continue }
      let entryPath = path + [glob]
      let selectors = try selectors(codes, key: "'per-file-ignores' value for \(Self.quoted(glob))", at: entryPath)
      guard let entry = PerFileIgnore(glob: glob, selectors: selectors) else {
        throw error("'per-file-ignores' glob \(Self.quoted(glob)) can match no file", at: entryPath)
      }
      entries.append(entry)
    }
    return entries
  }

  // MARK: - Files

  private func exclude(_ value: TOMLNode) throws(ConfigurationError) -> Gitignore {
    let shape = "'exclude' must be an array of gitignore-style globs"
    guard let array = value.array else {
      throw error("\(shape), got \(Self.describe(value))", at: ["exclude"])
    }
    var rules = Gitignore(contents: [])
    for element in array {
      guard let glob = element.string else {
        throw error("\(shape), got \(Self.describe(element)) in it", at: ["exclude"])
      }
      guard let pattern = GitignorePattern(line: Array(glob.utf8)[...]) else {
        throw error("'exclude' glob \(Self.quoted(glob)) can match no file", at: ["exclude"], needle: .string(glob))
      }
      rules.patterns.append(pattern)
    }
    return rules
  }

  // MARK: - Rule behaviour

  private func target(_ value: TOMLNode) throws(ConfigurationError) -> TargetSetting {
    guard let name = value.string, let target = TargetSetting(rawValue: name) else {
      let choices = TargetSetting.allCases.map { Self.quoted($0.rawValue) }.joined(separator: ", ")
      throw error("'target' must be one of \(choices), got \(Self.describe(value))", at: ["target"])
    }
    return target
  }

  private func blockingCalls(_ value: TOMLNode) throws(ConfigurationError) -> BlockingCallChanges {
    let path = ["blocking-calls"]
    guard let table = value.table else {
      throw error(
        "'blocking-calls' must be a table like { add = [\"mylib.read_all\"], remove = [\"os.sync\"] }, "
          + "got \(Self.describe(value))", at: path)
    }
    var changes = BlockingCallChanges()
    for key in inFileOrder(Array(table.keys), under: path) {
      guard let list = table[key] else { continue }
      switch key {
      case "add": changes.added = try addedBlockingCalls(list)
      case "remove":
        let shape = "'blocking-calls.remove' must be an array of qualified names"
        guard let array = list.array else {
          throw error("\(shape), got \(Self.describe(list))", at: path + [key])
        }
        for element in array {
          guard let name = element.string else {
            throw error("\(shape), got \(Self.describe(element)) in it", at: path + [key])
          }
          changes.removed.append(try qualifiedName(name, key: "'blocking-calls.remove'", at: path + [key]))
        }
      default:
        throw unknownKey(key, among: ["add", "remove"], at: path + [key], what: "'blocking-calls' has unknown key")
      }
    }
    return changes
  }

  private func addedBlockingCalls(_ value: TOMLNode) throws(ConfigurationError) -> [BlockingCall] {
    let path = ["blocking-calls", "add"]
    let shape =
      "'blocking-calls.add' must be an array of qualified names or "
      + "{ call = \"mylib.read_all\", advice = \"…\" } tables"
    guard let array = value.array else {
      throw error("\(shape), got \(Self.describe(value))", at: path)
    }
    var calls: [BlockingCall] = []
    for element in array {
      if let name = element.string {
        calls.append(BlockingCall(name: try qualifiedName(name, key: "'blocking-calls.add'", at: path)))
        continue
      }
      guard let table = element.table else {
        throw error("\(shape), got \(Self.describe(element)) in it", at: path)
      }
      var call: String?
      var advice: String?
      for key in table.keys.sorted() {
        guard let field = table[key] else { continue }
        switch key {
        case "call":
          guard let name = field.string else {
            throw error(
              "'blocking-calls.add' entry's 'call' must be a qualified name, got \(Self.describe(field))", at: path)
          }
          call = try qualifiedName(name, key: "'blocking-calls.add'", at: path)
        case "advice":
          guard let text = field.string else {
            throw error("'blocking-calls.add' entry's 'advice' must be a string, got \(Self.describe(field))", at: path)
          }
          advice = text
        default:
          throw unknownKey(
            key, among: ["call", "advice"], at: path, what: "'blocking-calls.add' entry has unknown key")
        }
      }
      guard let call else { throw error("'blocking-calls.add' entry has no 'call'", at: path) }
      calls.append(BlockingCall(name: call, advice: advice))
    }
    return calls
  }

  private func interruptRegistrars(_ value: TOMLNode) throws(ConfigurationError) -> [InterruptRegistrar] {
    let path = ["interrupt-registrars"]
    let shape =
      "'interrupt-registrars' must be an array of qualified names or { call = \"mod.func\", handler-arg = 1 } tables"
    guard let array = value.array else {
      throw error("\(shape), got \(Self.describe(value))", at: path)
    }
    var registrars: [InterruptRegistrar] = []
    for element in array {
      if let name = element.string {
        registrars.append(InterruptRegistrar(call: try qualifiedName(name, key: "'interrupt-registrars'", at: path)))
        continue
      }
      guard let table = element.table else {
        throw error("\(shape), got \(Self.describe(element)) in it", at: path)
      }
      registrars.append(try interruptRegistrar(table, at: path))
    }
    return registrars
  }

  private func interruptRegistrar(_ table: [String: TOMLNode], at path: [String]) throws(ConfigurationError)
    -> InterruptRegistrar
  {
    // The entry's line is best found by its call's name, so read that first.
    guard let callValue = table["call"] else {
      throw error("'interrupt-registrars' entry has no 'call'", at: path)
    }
    guard let name = callValue.string else {
      throw error(
        "'interrupt-registrars' entry's 'call' must be a qualified name, got \(Self.describe(callValue))", at: path)
    }
    let call = try qualifiedName(name, key: "'interrupt-registrars'", at: path)
    let needle = Needle.string(name)
    var position: Int?
    var keyword: String?
    for key in table.keys.sorted() where key != "call" {
      guard let field = table[key] else { continue }
      switch key {
      case "handler-arg":
        guard let index = field.integer, index >= 1 else {
          throw error(
            "'handler-arg' of \(Self.quoted(name)) must be a positive integer (1 is the first argument), "
              + "got \(Self.describe(field))", at: path, needle: needle)
        }
        position = index
      case "handler-keyword":
        guard let text = field.string, Self.isIdentifier(Substring(text)) else {
          throw error(
            "'handler-keyword' of \(Self.quoted(name)) must be a Python name, got \(Self.describe(field))", at: path,
            needle: needle)
        }
        keyword = text
      default:
        throw unknownKey(
          key, among: ["call", "handler-arg", "handler-keyword"], at: path,
          what: "'interrupt-registrars' entry \(Self.quoted(name)) has unknown key", needle: needle)
      }
    }
    if position == nil && keyword == nil { position = 1 }
    return InterruptRegistrar(call: call, handlerPosition: position, handlerKeyword: keyword)
  }

  /// `name` when it is a dotted Python name (`mylib.read_all`, `machine.Pin.irq`).
  private func qualifiedName(_ name: String, key: String, at path: [String]) throws(ConfigurationError) -> String {
    let parts = name.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.allSatisfy(Self.isIdentifier) else {
      throw error(
        "\(key) has an invalid qualified name \(Self.quoted(name)) (expected dotted Python names, like "
          + "\"mylib.read_all\")", at: path, needle: .string(name))
    }
    return name
  }

  // MARK: - Messages

  private var prefix: String {
    tablePath.isEmpty ? "" : "[\(tablePath.joined(separator: "."))] "
  }

  private func error(_ message: String, at path: [String], needle: Needle? = nil) -> ConfigurationError {
    ConfigurationError(
      file: file, line: sourceMap.line(of: tablePath + path, needle: needle), message: prefix + message)
  }

  private func unknownKey(
    _ key: String, among known: [String], at path: [String], what: String, needle: Needle? = nil
  ) -> ConfigurationError {
    var message = "\(what) '\(key)'"
    if let suggestion = Self.suggestion(for: key, among: known) { message += " (did you mean '\(suggestion)'?)" }
    return error(message, at: path, needle: needle ?? (path.last == key ? nil : .key(key)))
  }

  /// `keys` sorted by where they are written under `path`, so the first error reported is the
  /// first in the file; keys not found keep their name order at the end.
  private func inFileOrder(_ keys: [String], under path: [String]) -> [String] {
    keys.map { ($0, sourceMap.line(of: tablePath + path + [$0]) ?? Int.max) }
      .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
      .map(\.0)
  }

  /// The known key `key` was probably meant to be: the same but for case and `_`, one within a
  /// small edit distance, or one it begins (`handler` for `handler-arg`); the closest wins.
  static func suggestion(for key: String, among known: [String]) -> String? {
    let normalized = key.lowercased().replacing("_", with: "-")
    if let same = known.first(where: { $0 == normalized }) { return same }
    let limit = key.count >= 8 ? 3 : 2
    let scored = known.map { ($0, editDistance(Array(normalized), Array($0))) }
      .filter { $0.1 <= limit || (normalized.count >= 4 && $0.0.hasPrefix(normalized)) }
    return scored.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
  }

  /// Levenshtein distance.
  private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    var previous = Array(0...b.count)
    for (i, left) in a.enumerated() {
      var current = [i + 1] + Array(repeating: 0, count: b.count)
      for (j, right) in b.enumerated() {
        current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (left == right ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }

  /// A value as it reads in a message: strings quoted, numbers and booleans as written, other
  /// kinds by name.
  static func describe(_ value: TOMLNode) -> String {
    switch value {
    case .string(let text): quoted(text)
    case .integer(let number): String(number)
    case .float(let number): "\(number)"
    case .boolean(let flag): flag ? "true" : "false"
    case .array: "an array"
    case .table: "a table"
    case .dateOrTime(let kind): "a \(kind)"
    }
  }

  /// `text` in double quotes, with quotes, backslashes and control characters escaped.
  static func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      case _ where scalar.value < 0x20 || scalar.value == 0x7F:
        result +=
          "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
          + String(scalar.value, radix: 16, uppercase: true)
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }

  /// A Python identifier: a letter or `_` (or any non-ASCII character, which Python mostly allows)
  /// followed by those or digits.
  static func isIdentifier(_ text: Substring) -> Bool {
    guard let first = text.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
    return text.unicodeScalars.allSatisfy { scalar in
      !scalar.isASCII || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        || scalar == "_"
    }
  }
}
