/// A JSON reader without recursion, for trees nested deeper than Foundation's JSONDecoder accepts
/// (512 levels: a left-leaning chain of 256 `BinOp`s, as in sympy's generated tables). It checks the
/// syntax strictly (RFC 8259, without surrogate-pair checks) and builds the same `DecodedNode`s.
enum DeepJSONReader {
  indirect enum Value {
    case object([(String, Value)])
    case array([Value])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
  }

  struct SyntaxError: Error, CustomStringConvertible {
    var offset: Int
    var message: String
    var description: String { "invalid JSON at byte \(offset): \(message)" }
  }

  /// Reads one JSON value spanning all of `bytes` (whitespace around it allowed).
  static func parse(_ bytes: [UInt8]) throws -> Value {
    /// A container being filled: its values so far and, for objects, the key awaiting its value.
    enum Frame {
      case object([(String, Value)], pendingKey: String?)
      case array([Value])
    }
    var frames: [Frame] = []
    var index = 0
    var result: Value?

    func fail(_ message: String) -> SyntaxError { SyntaxError(offset: index, message: message) }
    func skipWhitespace() {
      while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    /// Hands a finished value to the innermost container, or makes it the result.
    func deliver(_ value: Value) throws {
      guard let frame = frames.popLast() else {
        guard result == nil else { throw fail("more than one top-level value") }
        result = value
        return
      }
      switch frame {
      case .object(var members, let key?):
        members.append((key, value))
        frames.append(.object(members, pendingKey: nil))
      case .object:
        throw fail("value without a key")
      case .array(var elements):
        elements.append(value)
        frames.append(.array(elements))
      }
    }

    while true {
      skipWhitespace()
      guard index < bytes.count else { break }
      // After a value inside a container: `,` or the closing bracket.
      if case .object(let members, nil)? = frames.last, !members.isEmpty || bytes[index] == UInt8(ascii: "}") {
        if bytes[index] == UInt8(ascii: "}") {
          index += 1
          frames.removeLast()
          try deliver(.object(members))
          continue
        }
        guard bytes[index] == UInt8(ascii: ",") else { throw fail("expected ',' or '}'") }
        index += 1
        skipWhitespace()
      }
      if case .array(let elements)? = frames.last, !elements.isEmpty || bytes[index] == UInt8(ascii: "]") {
        if bytes[index] == UInt8(ascii: "]") {
          index += 1
          frames.removeLast()
          try deliver(.array(elements))
          continue
        }
        guard bytes[index] == UInt8(ascii: ",") else { throw fail("expected ',' or ']'") }
        index += 1
        skipWhitespace()
      }
      if case .object(let members, nil)? = frames.last {
        // A key and its colon.
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a key") }
        let key = try readString()
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("expected ':'") }
        index += 1
        frames[frames.count - 1] = .object(members, pendingKey: key)
        continue
      }
      guard result == nil || !frames.isEmpty else { throw fail("text after the value") }
      guard index < bytes.count else { throw fail("unexpected end") }
      switch bytes[index] {
      case UInt8(ascii: "{"):
        index += 1
        frames.append(.object([], pendingKey: nil))
      case UInt8(ascii: "["):
        index += 1
        frames.append(.array([]))
      case UInt8(ascii: "\""):
        try deliver(.string(try readString()))
      case UInt8(ascii: "t"):
        try expectWord("true")
        try deliver(.bool(true))
      case UInt8(ascii: "f"):
        try expectWord("false")
        try deliver(.bool(false))
      case UInt8(ascii: "n"):
        try expectWord("null")
        try deliver(.null)
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        try deliver(.number(try readNumber()))
      default:
        throw fail("unexpected character")
      }
    }
    guard frames.isEmpty, let result else { throw fail("unexpected end") }
    return result

    func expectWord(_ word: String) throws {
      let expected = Array(word.utf8)
      guard bytes.count - index >= expected.count, Array(bytes[index..<index + expected.count]) == expected else {
        throw fail("expected \(word)")
      }
      index += expected.count
    }

    func readString() throws -> String {
      index += 1
      var scalars: [UInt8] = []
      while index < bytes.count {
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""):
          return String(decoding: scalars, as: UTF8.self)
        case UInt8(ascii: "\\"):
          guard index < bytes.count else { throw fail("unterminated escape") }
          let escape = bytes[index]
          index += 1
          switch escape {
          case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(escape)
          case UInt8(ascii: "n"): scalars.append(0x0A)
          case UInt8(ascii: "t"): scalars.append(0x09)
          case UInt8(ascii: "r"): scalars.append(0x0D)
          case UInt8(ascii: "b"): scalars.append(0x08)
          case UInt8(ascii: "f"): scalars.append(0x0C)
          case UInt8(ascii: "u"):
            let digits = bytes.count - index >= 4 ? String(decoding: bytes[index..<index + 4], as: UTF8.self) : ""
            guard let code = UInt32(digits, radix: 16) else { throw fail("bad \\u escape") }
            index += 4
            scalars.append(contentsOf: String(Character(Unicode.Scalar(code) ?? "\u{FFFD}")).utf8)
          default:
            throw fail("bad escape")
          }
        case 0..<0x20:
          throw fail("control character in string")
        default:
          scalars.append(byte)
        }
      }
      throw fail("unterminated string")
    }

    func readNumber() throws -> Double {
      let start = index
      if bytes[index] == UInt8(ascii: "-") { index += 1 }
      while index < bytes.count,
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) || [UInt8(ascii: "."), UInt8(ascii: "e"),
          UInt8(ascii: "E"), UInt8(ascii: "+"), UInt8(ascii: "-")].contains(bytes[index])
      {
        index += 1
      }
      guard let number = Double(String(decoding: bytes[start..<index], as: UTF8.self)) else {
        throw fail("bad number")
      }
      return number
    }
  }

  /// Reads the renderer's tree: every object must have exactly the six keys of DESIGN §5.
  static func tree(_ bytes: [UInt8]) throws -> ASTCompatibilityTests.DecodedNode {
    let root = try parse(bytes)
    // Post-order without recursion: (value, children still to convert) frames.
    var stack: [(members: [String: Value], children: [Value], done: [ASTCompatibilityTests.DecodedNode])] = []
    func push(_ value: Value) throws {
      guard case .object(let pairs) = value else { throw SyntaxError(offset: 0, message: "node is not an object") }
      let members = Dictionary(pairs, uniquingKeysWith: { first, _ in first })
      guard members.count == 6, pairs.count == 6, case .array(let children)? = members["children"] else {
        throw SyntaxError(offset: 0, message: "node without the six keys: \(pairs.map(\.0))")
      }
      stack.append((members, children.reversed(), []))
    }
    try push(root)
    while var top = stack.popLast() {
      if let next = top.children.popLast() {
        stack.append(top)
        try push(next)
        continue
      }
      func integer(_ key: String) throws -> Int {
        guard case .number(let value)? = top.members[key], let integer = Int(exactly: value) else {
          throw SyntaxError(offset: 0, message: "\(key) is not an integer")
        }
        return integer
      }
      guard case .string(let kind)? = top.members["kind"] else { throw SyntaxError(offset: 0, message: "kind") }
      let node = ASTCompatibilityTests.DecodedNode(
        kind: kind, lineno: try integer("lineno"), colOffset: try integer("col_offset"),
        endLineno: try integer("end_lineno"), endColOffset: try integer("end_col_offset"), children: top.done)
      guard !stack.isEmpty else { return node }
      stack[stack.count - 1].done.append(node)
    }
    throw SyntaxError(offset: 0, message: "empty")
  }
}
