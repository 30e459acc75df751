/// Every kind of token the lexer produces.
///
/// Keywords and operators each get a kind of their own so the parser switches on one byte.
/// Soft keywords (`match`, `case`, `type`, `_`) are lexed as `.name`; the parser decides.
public enum TokenKind: UInt8, Sendable, CaseIterable {
  // MARK: Structure
  /// End of the file: zero width; its leading trivia is whatever follows the last logical line.
  case endOfFile
  /// End of a logical line. Its text is the line break (`\n`, `\r\n`, `\r`), or empty at the end
  /// of a file that does not end with one.
  case newline
  /// Zero-width: the next logical line is indented deeper.
  case indent
  /// Zero-width: one indentation level closes.
  case dedent

  // MARK: Atoms
  /// An identifier, including the soft keywords `match`, `case`, `type` and `_`.
  case name
  /// An integer, float or imaginary literal, underscores and suffix included.
  case number
  /// A whole string or bytes literal (prefix and quotes included) that is not an f- or t-string.
  case string
  /// `f"`, `rf'''`, …: the prefix and opening quote of an f-string.
  case fStringStart
  /// Literal text inside an f- or t-string (also inside a format spec); `{{`/`}}` stay in it.
  case fStringMiddle
  /// The closing quote of an f-string.
  case fStringEnd
  /// `t"`, …: the prefix and opening quote of a template string (PEP 750).
  case tStringStart
  /// Literal text inside a t-string.
  case tStringMiddle
  /// The closing quote of a t-string.
  case tStringEnd

  // MARK: Keywords
  case falseKeyword, noneKeyword, trueKeyword
  case andKeyword, asKeyword, assertKeyword, asyncKeyword, awaitKeyword
  case breakKeyword, classKeyword, continueKeyword, defKeyword, delKeyword
  case elifKeyword, elseKeyword, exceptKeyword, finallyKeyword, forKeyword, fromKeyword
  case globalKeyword, ifKeyword, importKeyword, inKeyword, isKeyword, lambdaKeyword
  case nonlocalKeyword, notKeyword, orKeyword, passKeyword, raiseKeyword, returnKeyword
  case tryKeyword, whileKeyword, withKeyword, yieldKeyword

  // MARK: Brackets and punctuation
  case leftParen, rightParen, leftSquare, rightSquare, leftBrace, rightBrace
  case colon, comma, semicolon, dot, ellipsis, arrow, at, equal, colonEqual
  /// `!` (only meaningful before an f-string conversion).
  case exclamation

  // MARK: Operators
  case plus, minus, star, slash, doubleSlash, percent, doubleStar
  case pipe, ampersand, caret, tilde, leftShift, rightShift
  case less, greater, equalEqual, notEqual, lessEqual, greaterEqual
  /// `<>` (only valid with `from __future__ import barry_as_FLUFL`; lexed so it can be reported).
  case lessGreater

  // MARK: Augmented assignment
  case plusEqual, minusEqual, starEqual, slashEqual, doubleSlashEqual, percentEqual
  case doubleStarEqual, atEqual, pipeEqual, ampersandEqual, caretEqual
  case leftShiftEqual, rightShiftEqual

  // MARK: Errors
  /// Bytes the lexer could not make sense of (a stray `$`, an unterminated string, invalid
  /// UTF-8, …). Kept in the tree so printing still gives back every byte.
  case error

  /// Whether this token has no text of its own (INDENT, DEDENT, end of file).
  @inlinable public var isZeroWidth: Bool {
    self == .indent || self == .dedent || self == .endOfFile
  }

  /// Whether this token only structures lines (NEWLINE, INDENT, DEDENT, end of file): such
  /// tokens never count for the positions CPython's `ast` gives a node.
  @inlinable public var isLayout: Bool {
    self == .newline || self == .indent || self == .dedent || self == .endOfFile
  }

  /// Whether this is one of Python's 35 hard keywords.
  @inlinable public var isKeyword: Bool {
    rawValue >= TokenKind.falseKeyword.rawValue && rawValue <= TokenKind.yieldKeyword.rawValue
  }

  /// The keyword kind for an identifier's text, or `nil` when it is not a hard keyword.
  /// (A simple reference implementation; the lexer uses its own switch on length and bytes.)
  public static func keyword(_ text: UnsafeBufferPointer<UInt8>) -> TokenKind? {
    keywordTable[Array(text)]
  }

  /// The fixed spelling of keywords and punctuation; `nil` for kinds whose text varies.
  public var fixedText: String? {
    switch self {
    case .falseKeyword: "False"
    case .noneKeyword: "None"
    case .trueKeyword: "True"
    case .andKeyword: "and"
    case .asKeyword: "as"
    case .assertKeyword: "assert"
    case .asyncKeyword: "async"
    case .awaitKeyword: "await"
    case .breakKeyword: "break"
    case .classKeyword: "class"
    case .continueKeyword: "continue"
    case .defKeyword: "def"
    case .delKeyword: "del"
    case .elifKeyword: "elif"
    case .elseKeyword: "else"
    case .exceptKeyword: "except"
    case .finallyKeyword: "finally"
    case .forKeyword: "for"
    case .fromKeyword: "from"
    case .globalKeyword: "global"
    case .ifKeyword: "if"
    case .importKeyword: "import"
    case .inKeyword: "in"
    case .isKeyword: "is"
    case .lambdaKeyword: "lambda"
    case .nonlocalKeyword: "nonlocal"
    case .notKeyword: "not"
    case .orKeyword: "or"
    case .passKeyword: "pass"
    case .raiseKeyword: "raise"
    case .returnKeyword: "return"
    case .tryKeyword: "try"
    case .whileKeyword: "while"
    case .withKeyword: "with"
    case .yieldKeyword: "yield"
    case .leftParen: "("
    case .rightParen: ")"
    case .leftSquare: "["
    case .rightSquare: "]"
    case .leftBrace: "{"
    case .rightBrace: "}"
    case .colon: ":"
    case .comma: ","
    case .semicolon: ";"
    case .dot: "."
    case .ellipsis: "..."
    case .arrow: "->"
    case .at: "@"
    case .equal: "="
    case .colonEqual: ":="
    case .exclamation: "!"
    case .plus: "+"
    case .minus: "-"
    case .star: "*"
    case .slash: "/"
    case .doubleSlash: "//"
    case .percent: "%"
    case .doubleStar: "**"
    case .pipe: "|"
    case .ampersand: "&"
    case .caret: "^"
    case .tilde: "~"
    case .leftShift: "<<"
    case .rightShift: ">>"
    case .less: "<"
    case .greater: ">"
    case .equalEqual: "=="
    case .notEqual: "!="
    case .lessEqual: "<="
    case .greaterEqual: ">="
    case .lessGreater: "<>"
    case .plusEqual: "+="
    case .minusEqual: "-="
    case .starEqual: "*="
    case .slashEqual: "/="
    case .doubleSlashEqual: "//="
    case .percentEqual: "%="
    case .doubleStarEqual: "**="
    case .atEqual: "@="
    case .pipeEqual: "|="
    case .ampersandEqual: "&="
    case .caretEqual: "^="
    case .leftShiftEqual: "<<="
    case .rightShiftEqual: ">>="
    default: nil
    }
  }

  /// A short description for diagnostics: the spelling in backquotes, or the token class.
  public var displayName: String {
    if let text = fixedText { return "'\(text)'" }
    switch self {
    case .endOfFile: return "end of file"
    case .newline: return "end of line"
    case .indent: return "indent"
    case .dedent: return "dedent"
    case .name: return "name"
    case .number: return "number"
    case .string: return "string"
    case .fStringStart, .fStringMiddle, .fStringEnd: return "f-string"
    case .tStringStart, .tStringMiddle, .tStringEnd: return "t-string"
    default: return "invalid text"
    }
  }

  private static let keywordTable: [[UInt8]: TokenKind] = {
    var table: [[UInt8]: TokenKind] = [:]
    for kind in TokenKind.allCases where kind.isKeyword {
      table[Array(kind.fixedText!.utf8)] = kind
    }
    return table
  }()
}
