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
    return flags.map { mentionsNumericHost($0, in: model, followingNames: true) } ?? false
  }

  /// Whether `expression` names `AI_NUMERICHOST` (`socket.AI_NUMERICHOST | …`), or is a name
  /// every assignment of which does (`_NUMERIC_ONLY = AI_NUMERICHOST | AI_NUMERICSERV`).
  private static func mentionsNumericHost(_ expression: SyntaxNode, in model: SemanticModel, followingNames: Bool)
    -> Bool
  {
    let node = expression.unparenthesized
    let mentions = node.descendantsAndSelf.contains { part in
      switch part.kind {
      case .name: return NameSyntax(part)?.isIdentifier("AI_NUMERICHOST") == true
      case .attribute: return AttributeSyntax(part)?.isName("AI_NUMERICHOST") == true
      default: return false
      }
    }
    if mentions || !followingNames || node.kind != .name { return mentions }
    let values = model.resolve(node).bindings.map(\.assignedValue)
    return !values.isEmpty
      && values.allSatisfy { value in value.map { mentionsNumericHost($0, in: model, followingNames: false) } ?? false }
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
