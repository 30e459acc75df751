internal import TOMLKit

/// A TOML value, copied out of TOMLKit's tree.
///
/// This module exists to keep TOMLKit out of `Engine`: TOMLKit makes `Array`, `UInt8`, `String`
/// and others conform to its `TOMLValueConvertible`, whose extension adds `subscript(Int) ->
/// TOMLValue?` to every such array. In a module that imports it, every `[UInt8]` subscript gains
/// that overload and ordinary byte code stops type-checking. Behind an `internal import`, none of
/// it reaches the modules that use the reader.
public indirect enum TOMLNode: Hashable, Sendable {
  case string(String)
  case integer(Int)
  case float(Double)
  case boolean(Bool)
  case array([TOMLNode])
  case table([String: TOMLNode])
  /// A date, a time or a date-time; configuration takes none, so only the kind is kept
  /// (`"date"`, `"time"`, `"date-time"`) for messages.
  case dateOrTime(kind: String)
}

/// A TOML syntax error, at 1-based line and column.
public struct TOMLSyntaxError: Error, Hashable, Sendable {
  public var line: Int
  public var column: Int
  /// TOMLKit's (toml++'s) description, e.g. `Error while parsing array: expected comma or closing ']'`.
  public var message: String
}

/// Parses TOML documents with TOMLKit.
public enum TOMLReader {
  /// The document's top-level table.
  public static func parse(_ text: String) throws(TOMLSyntaxError) -> [String: TOMLNode] {
    let table: TOMLTable
    do {
      table = try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      throw TOMLSyntaxError(
        line: error.source.begin.line, column: error.source.begin.column, message: error.description)
    } catch {
      throw TOMLSyntaxError(line: 1, column: 1, message: "\(error)")
    }
    return copy(table)
  }

  private static func copy(_ table: TOMLTable) -> [String: TOMLNode] {
    var result: [String: TOMLNode] = [:]
    for key in table.keys {
      if let value = table[key] { result[key] = copy(value) }
    }
    return result
  }

  private static func copy(_ value: TOMLValueConvertible) -> TOMLNode {
    switch value.type {
    case .string: .string(value.string ?? "")
    case .int: .integer(value.int ?? 0)
    case .double: .float(value.double ?? 0)
    case .bool: .boolean(value.bool ?? false)
    case .array: .array(value.array.map { $0.map(copy) } ?? [])
    case .table: .table(value.table.map(copy) ?? [:])
    case .date: .dateOrTime(kind: "date")
    case .time: .dateOrTime(kind: "time")
    case .dateTime: .dateOrTime(kind: "date-time")
    }
  }
}

extension TOMLNode {
  public var string: String? {
    if case .string(let value) = self { value } else { nil }
  }

  public var integer: Int? {
    if case .integer(let value) = self { value } else { nil }
  }

  public var boolean: Bool? {
    if case .boolean(let value) = self { value } else { nil }
  }

  public var array: [TOMLNode]? {
    if case .array(let value) = self { value } else { nil }
  }

  public var table: [String: TOMLNode]? {
    if case .table(let value) = self { value } else { nil }
  }
}
