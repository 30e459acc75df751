import PythonSyntax
import Semantics

/// Name lookups that never wait for DNS (AF109's `.numericLookup` exemption):
/// `getaddrinfo(host, port, family, type, proto, flags)` with `AI_NUMERICHOST` among its flags
/// (it fails at once on a host name instead of resolving it; trio and others try that first and
/// resolve in a thread only when it fails), and `getaddrinfo`/`gethostbyname` of an address
/// written out as a literal (`"127.0.0.1"`, `"::1"`), which is parsed, not looked up.
enum NumericLookup {
  static func asksNoDNS(_ call: CallSyntax, in model: SemanticModel) -> Bool {
    let positional = call.positionalArguments
    if positional.contains(where: \.isStarred) { return false }
    let host = call.keywordArgument("host")?.value ?? positional.first?.value
    if let host, isAddressLiteral(host) { return true }
    let flags = call.keywordArgument("flags")?.value ?? (positional.count > 5 ? positional[5].value : nil)
    return flags.map { setsNumericHost($0, in: model, followingNames: true) } ?? false
  }

  /// Whether the flags `expression` set `AI_NUMERICHOST`: the flag itself
  /// (`socket.AI_NUMERICHOST`), flags or-ed (or added) with it (`flags | _NUMERIC_ONLY`), or a
  /// name every assignment of which sets it (`_NUMERIC_ONLY = AI_NUMERICHOST | AI_NUMERICSERV`).
  /// Anything else (`flags & ~AI_NUMERICHOST`, a call) is not known to.
  private static func setsNumericHost(_ expression: SyntaxNode, in model: SemanticModel, followingNames: Bool)
    -> Bool
  {
    let node = expression.unparenthesized
    switch node.kind {
    case .attribute:
      return AttributeSyntax(node)?.isName("AI_NUMERICHOST") == true
    case .name:
      if NameSyntax(node)?.isIdentifier("AI_NUMERICHOST") == true { return true }
      guard followingNames else { return false }
      let values = model.resolve(node).bindings.map(\.assignedValue)
      return !values.isEmpty
        && values.allSatisfy { value in value.map { setsNumericHost($0, in: model, followingNames: false) } ?? false }
    case .binaryOperation:
      guard let operation = BinaryOperationSyntax(node), [.pipe, .plus].contains(operation.operatorKind)
      else { return false }
      return setsNumericHost(operation.left, in: model, followingNames: followingNames)
        || setsNumericHost(operation.right, in: model, followingNames: followingNames)
    default:
      return false
    }
  }

  /// A string literal holding an IPv4 address (four decimal numbers up to 255) or an IPv6 one
  /// (hexadecimal digits, colons, dots).
  static func isAddressLiteral(_ expression: SyntaxNode) -> Bool {
    let node = expression.unparenthesized
    guard let constant = ConstantSyntax(node), constant.isString, node.endToken - node.firstToken == 1 else {
      return false
    }
    let token = node.tokenText(node.firstToken)
    guard let quote = token.firstIndex(where: { $0 == "\"" || $0 == "'" }),
      token[..<quote].allSatisfy({ "rRuU".contains($0) })
    else { return false }
    let text = token[quote...].trimmingCharacters(in: "\"'")
    if text.contains(":") { return text.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." } }
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count == 4
      && parts.allSatisfy { part in !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCIIDigit) && Int(part)! <= 255 }
  }
}

extension StringProtocol {
  /// The text without any of `characters` at either end.
  fileprivate func trimmingCharacters(in characters: String) -> Substring {
    let trimmedStart = drop { characters.contains($0) }
    var end = trimmedStart.endIndex
    while end > trimmedStart.startIndex, characters.contains(trimmedStart[trimmedStart.index(before: end)]) {
      end = trimmedStart.index(before: end)
    }
    return Substring(trimmedStart[..<end])
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
