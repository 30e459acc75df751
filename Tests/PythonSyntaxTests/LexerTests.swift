import XCTest

@testable import PythonSyntax

final class LexerTests: XCTestCase {
  // MARK: Lines and indentation

  func testSimpleStatement() {
    assertTokens("x = 1\n", [(.name, "x"), (.equal, "="), (.number, "1"), (.newline, "\n"), (.endOfFile, "")])
  }

  func testEmptyAndBlankFiles() {
    assertTokens("", [(.endOfFile, "")])
    assertTokens("\n\n  # only a comment\n", [(.endOfFile, "")])
    assertTokens("   ", [(.endOfFile, "")])
    assertTokens("# c", [(.endOfFile, "")])
    XCTAssertEqual(lex("\n# c\n\n").leadingTrivia(0), "\n# c\n\n")
  }

  func testNoFinalNewline() {
    assertTokens("pass", [(.passKeyword, "pass"), (.newline, ""), (.endOfFile, "")])
    assertTokens("pass  # c", [(.passKeyword, "pass"), (.newline, ""), (.endOfFile, "")])
    let lexed = lex("pass  # c")
    XCTAssertEqual(lexed.trailingTrivia(0), "  # c")
    XCTAssertEqual(lexed.table.textStarts[1], 9)
  }

  func testIndentAndDedent() {
    assertTokens(
      "if x:\n    y\nz\n",
      [
        (.ifKeyword, "if"), (.name, "x"), (.colon, ":"), (.newline, "\n"), (.indent, ""), (.name, "y"),
        (.newline, "\n"), (.dedent, ""), (.name, "z"), (.newline, "\n"), (.endOfFile, ""),
      ])
    assertTokens(
      "if x:\n  if y:\n    z",
      [
        (.ifKeyword, "if"), (.name, "x"), (.colon, ":"), (.newline, "\n"), (.indent, ""), (.ifKeyword, "if"),
        (.name, "y"), (.colon, ":"), (.newline, "\n"), (.indent, ""), (.name, "z"), (.newline, ""),
        (.dedent, ""), (.dedent, ""), (.endOfFile, ""),
      ])
  }

  func testSeveralDedentsAtOnce() {
    let lexed = lex("class A:\n    def f():\n        pass\nx\n")
    XCTAssertEqual(
      lexed.kinds,
      [
        .classKeyword, .name, .colon, .newline, .indent, .defKeyword, .name, .leftParen, .rightParen, .colon,
        .newline, .indent, .passKeyword, .newline, .dedent, .dedent, .name, .newline, .endOfFile,
      ])
  }

  func testTrailingTriviaStopsBeforeNewline() {
    let lexed = lex("x = 1  # note\ny\n")
    XCTAssertEqual(lexed.tokens[2].1, "1")
    XCTAssertEqual(lexed.trailingTrivia(2), "  # note")
    XCTAssertEqual(lexed.tokens[3].0, .newline)
    XCTAssertEqual(lexed.leadingTrivia(3), "")
    XCTAssertEqual(lexed.trailingTrivia(3), "")
    XCTAssertEqual(lexed.trailingTrivia(0), " ")
  }

  func testCommentLinesAndIndentationLeadTheNextToken() {
    let lexed = lex("if x:\n\n    # comment\n    y\n# back\nz\n")
    let indent = lexed.kinds.firstIndex(of: .indent)!
    XCTAssertEqual(lexed.kinds[indent - 1], .newline)
    XCTAssertEqual(lexed.leadingTrivia(indent), "")
    XCTAssertEqual(lexed.trailingTrivia(indent), "")
    XCTAssertEqual(lexed.table.textStarts[indent], lexed.table.textEnds[indent - 1])
    XCTAssertEqual(lexed.tokens[indent + 1].1, "y")
    XCTAssertEqual(lexed.leadingTrivia(indent + 1), "\n    # comment\n    ")
    let dedent = lexed.kinds.firstIndex(of: .dedent)!
    XCTAssertEqual(lexed.leadingTrivia(dedent), "")
    XCTAssertEqual(lexed.trailingTrivia(dedent), "")
    XCTAssertEqual(lexed.tokens[dedent + 1].1, "z")
    XCTAssertEqual(lexed.leadingTrivia(dedent + 1), "# back\n")
  }

  func testDedentsAtEndOfFileFollowTheNewline() {
    let lexed = lex("if x:\n    y\n# trailing\n")
    XCTAssertEqual(Array(lexed.kinds.suffix(4)), [.name, .newline, .dedent, .endOfFile])
    let dedent = lexed.count - 2
    XCTAssertEqual(lexed.table.textStarts[dedent], lexed.table.textEnds[dedent - 1])
    XCTAssertEqual(lexed.leadingTrivia(lexed.count - 1), "# trailing\n")
  }

  func testCRLFAndCRLineBreaks() {
    assertTokens(
      "if x:\r\n\ty\r\nz",
      [
        (.ifKeyword, "if"), (.name, "x"), (.colon, ":"), (.newline, "\r\n"), (.indent, ""), (.name, "y"),
        (.newline, "\r\n"), (.dedent, ""), (.name, "z"), (.newline, ""), (.endOfFile, ""),
      ])
    assertTokens(
      "a\rb\r\r# c\rd\r",
      [
        (.name, "a"), (.newline, "\r"), (.name, "b"), (.newline, "\r"), (.name, "d"), (.newline, "\r"),
        (.endOfFile, ""),
      ])
  }

  func testTabsAndFormFeeds() {
    // A tab reaches the next multiple of 8, so a tab and eight spaces are the same column, but
    // CPython's second count (tabs as 1) tells them apart.
    assertTokens(
      "if x:\n\ty\n        z\n",
      [
        (.ifKeyword, "if"), (.name, "x"), (.colon, ":"), (.newline, "\n"), (.indent, ""), (.name, "y"),
        (.newline, "\n"), (.name, "z"), (.newline, "\n"), (.dedent, ""), (.endOfFile, ""),
      ],
      diagnostics: ["inconsistent use of tabs and spaces in indentation"])
    // A form feed resets the column (and is trivia).
    assertTokens(
      "if x:\n    y\n\u{0C}z\n",
      [
        (.ifKeyword, "if"), (.name, "x"), (.colon, ":"), (.newline, "\n"), (.indent, ""), (.name, "y"),
        (.newline, "\n"), (.dedent, ""), (.name, "z"), (.newline, "\n"), (.endOfFile, ""),
      ])
    assertTokens("x\n\u{0C}\ny\n", [(.name, "x"), (.newline, "\n"), (.name, "y"), (.newline, "\n"), (.endOfFile, "")])
    assertTokens("x =\u{0C}\t1\n", [(.name, "x"), (.equal, "="), (.number, "1"), (.newline, "\n"), (.endOfFile, "")])
  }

  func testConsistentTabsHaveNoDiagnostic() {
    let lexed = lex("if x:\n\tif y:\n\t\tz\n\tw\n")
    XCTAssertEqual(lexed.messages, [])
    XCTAssertEqual(lexed.kinds.filter { $0 == .indent }.count, 2)
    XCTAssertEqual(lexed.kinds.filter { $0 == .dedent }.count, 2)
  }

  func testUnindentToUnknownLevel() {
    let lexed = lex("if x:\n        a\n    b\n")
    XCTAssertEqual(lexed.messages, ["unindent does not match any outer indentation level"])
    XCTAssertEqual(lexed.diagnostics.first?.offset, 20)
    XCTAssertEqual(
      lexed.kinds,
      [.ifKeyword, .name, .colon, .newline, .indent, .name, .newline, .dedent, .name, .newline, .endOfFile])
  }

  func testBracketsMakeLineBreaksTrivia() {
    let lexed = lex("x = (1,\n  2,\n\n# c\n)\ny\n")
    XCTAssertEqual(
      lexed.kinds,
      [.name, .equal, .leftParen, .number, .comma, .number, .comma, .rightParen, .newline, .name, .newline, .endOfFile])
    XCTAssertEqual(lexed.leadingTrivia(5), "\n  ")
    XCTAssertEqual(lexed.leadingTrivia(7), "\n\n# c\n")
    // No INDENT inside brackets, and a stray closer does not take the depth below zero.
    assertTokens(
      "a = [\n        1]\n)\nb\n",
      [
        (.name, "a"), (.equal, "="), (.leftSquare, "["), (.number, "1"), (.rightSquare, "]"), (.newline, "\n"),
        (.rightParen, ")"), (.newline, "\n"), (.name, "b"), (.newline, "\n"), (.endOfFile, ""),
      ])
  }

  func testUnclosedBracketAtEndOfFile() {
    let lexed = lex("f(a,\n  b\n\n")
    XCTAssertEqual(lexed.kinds, [.name, .leftParen, .name, .comma, .name, .newline, .endOfFile])
    XCTAssertEqual(lexed.tokens[5].1, "")
    XCTAssertEqual(lexed.leadingTrivia(6), "\n\n")
  }

  func testBackslashContinuation() {
    let lexed = lex("x = 1 + \\\n    2\nif y: \\\r\n  pass\n")
    XCTAssertEqual(
      lexed.kinds,
      [
        .name, .equal, .number, .plus, .number, .newline, .ifKeyword, .name, .colon, .passKeyword, .newline,
        .endOfFile,
      ])
    XCTAssertEqual(lexed.trailingTrivia(3), " \\\n    ")
    XCTAssertEqual(lexed.trailingTrivia(8), " \\\r\n  ")
    XCTAssertEqual(lexed.messages, [])
  }

  func testBackslashWithoutLineBreakIsAnError() {
    assertTokens(
      "x = 1 \\ y\n",
      [(.name, "x"), (.equal, "="), (.number, "1"), (.error, "\\"), (.name, "y"), (.newline, "\n"), (.endOfFile, "")],
      diagnostics: ["unexpected character after line continuation character"])
    assertTokens(
      "x \\", [(.name, "x"), (.error, "\\"), (.newline, ""), (.endOfFile, "")],
      diagnostics: ["unexpected EOF while parsing"])
  }

  // MARK: Names and keywords

  func testKeywords() {
    for kind in TokenKind.allCases where kind.isKeyword {
      let text = kind.fixedText!
      assertTokens(text, [(kind, text)], significantOnly: true)
      assertTokens(text + "_", [(.name, text + "_")], significantOnly: true)
      assertTokens("_" + text, [(.name, "_" + text)], significantOnly: true)
      // Near the end of the buffer and far from it (the packed comparison loads eight bytes).
      assertTokens(
        text + " " + String(repeating: "x", count: 9), [(kind, text), (.name, "xxxxxxxxx")], significantOnly: true)
    }
    for text in ["false", "none", "Class", "iff", "i", "nonlocals", "continued", "awai", "TrueFalse"] {
      assertTokens(text, [(.name, text)], significantOnly: true)
    }
  }

  func testNamesEndAtEveryNonIdentifierByte() {
    // Names are scanned eight bytes at a time; check the stop at each position of a word and for
    // every ASCII byte.
    for byte in UInt8(0)..<0x80 {
      let isIdentifier =
        (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10 || byte == UInt8(ascii: "_")
      for offset in 1..<10 {
        let name = [UInt8](repeating: UInt8(ascii: "q"), count: offset)
        let source = SourceBuffer(name + [byte] + [UInt8]("zzzzzzzzzzzzzzzz".utf8))
        let (table, _) = Lexer.tokenize(source)
        XCTAssertEqual(table.kinds[0], .name)
        XCTAssertEqual(Int(table.textEnds[0]), isIdentifier ? source.count : offset, "byte \(byte) after \(offset)")
      }
    }
  }

  func testSoftKeywordsAreNames() {
    assertTokens(
      "match x:\n    case _: type = 1\n",
      [
        (.name, "match"), (.name, "x"), (.colon, ":"), (.newline, "\n"), (.indent, ""), (.name, "case"),
        (.name, "_"), (.colon, ":"), (.name, "type"), (.equal, "="), (.number, "1"), (.newline, "\n"),
        (.dedent, ""), (.endOfFile, ""),
      ])
  }

  func testNonASCIIIdentifiers() {
    assertTokens(
      "é = naïve + 日本 + x\u{0301} + ifé",
      [
        (.name, "é"), (.equal, "="), (.name, "naïve"), (.plus, "+"), (.name, "日本"), (.plus, "+"),
        (.name, "x\u{0301}"), (.plus, "+"), (.name, "ifé"),
      ], significantOnly: true)
  }

  func testInvalidCharacters() {
    assertTokens(
      "€ = 2\n", [(.error, "€"), (.equal, "="), (.number, "2"), (.newline, "\n"), (.endOfFile, "")],
      diagnostics: ["invalid character '€' (U+20AC)"])
    assertTokens(
      "a€b", [(.name, "a"), (.error, "€"), (.name, "b")], significantOnly: true,
      diagnostics: ["invalid character '€' (U+20AC)"])
    assertTokens(
      "a\u{00A0}b", [(.name, "a"), (.error, "\u{00A0}"), (.name, "b")], significantOnly: true,
      diagnostics: ["invalid non-printable character U+00A0"])
    assertTokens(
      "a $ b ? `c`",
      [(.name, "a"), (.error, "$"), (.name, "b"), (.error, "?"), (.error, "`"), (.name, "c"), (.error, "`")],
      significantOnly: true, diagnostics: Array(repeating: "invalid syntax", count: 4))
    assertTokens(
      "a\u{01}", [(.name, "a"), (.error, "\u{01}")], significantOnly: true,
      diagnostics: ["invalid non-printable character U+0001"])
  }

  func testNullBytes() {
    let lexed = lex([UInt8]("x = a".utf8) + [0, 0] + [UInt8]("b\n'\0'\n".utf8))
    XCTAssertEqual(lexed.messages, ["source code cannot contain null bytes"])
    XCTAssertEqual(lexed.diagnostics.first?.offset, 5)
    XCTAssertEqual(lexed.significantTokens.map(\.0), [.name, .equal, .name, .error, .name, .string])
  }

  // MARK: Numbers

  func testNumbers() {
    let numbers = [
      "0", "7", "1_000", "0x1F", "0XfF", "0x_1", "0o17", "0O7_7", "0b1_0", "0B1", "1.", ".5", "1.5", "1e-3",
      "1E+10", "1_000.000_1e+1_0", "1j", "1.5J", "0j", "07j", "00", "0_0", "0.0", "09.5", "0e0", "1.e5", "3.14e-10j",
    ]
    for number in numbers {
      assertTokens(number, [(.number, number)], significantOnly: true)
    }
  }

  func testNumberFollowedByKeyword() {
    assertTokens(
      "1if x else 2", [(.number, "1"), (.ifKeyword, "if"), (.name, "x"), (.elseKeyword, "else"), (.number, "2")],
      significantOnly: true)
    assertTokens("0x1for x", [(.number, "0x1f"), (.orKeyword, "or"), (.name, "x")], significantOnly: true)
    assertTokens("1else", [(.number, "1"), (.elseKeyword, "else")], significantOnly: true)
    assertTokens("1 .real", [(.number, "1"), (.dot, "."), (.name, "real")], significantOnly: true)
    assertTokens("1..real", [(.number, "1."), (.dot, "."), (.name, "real")], significantOnly: true)
    assertTokens(
      "1.__class__", [(.number, "1.__class__")], significantOnly: true, diagnostics: ["invalid decimal literal"])
  }

  func testInvalidNumbersKeepTheirBytes() {
    assertTokens(
      "0777", [(.number, "0777")], significantOnly: true,
      diagnostics: ["leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"])
    assertTokens("1__0", [(.number, "1__0")], significantOnly: true, diagnostics: ["invalid decimal literal"])
    assertTokens("1_", [(.number, "1_")], significantOnly: true, diagnostics: ["invalid decimal literal"])
    assertTokens("1abc", [(.number, "1abc")], significantOnly: true, diagnostics: ["invalid decimal literal"])
    assertTokens(
      "0b12", [(.number, "0b12")], significantOnly: true, diagnostics: ["invalid digit '2' in binary literal"])
    assertTokens("0o8", [(.number, "0o8")], significantOnly: true, diagnostics: ["invalid digit '8' in octal literal"])
    assertTokens("0x", [(.number, "0x")], significantOnly: true, diagnostics: ["invalid hexadecimal literal"])
    assertTokens("0xg", [(.number, "0xg")], significantOnly: true, diagnostics: ["invalid hexadecimal literal"])
    assertTokens("1e", [(.number, "1e")], significantOnly: true, diagnostics: ["invalid decimal literal"])
  }

  // MARK: Strings

  func testStringPrefixes() {
    for prefix in ["", "r", "u", "R", "U", "b", "B", "br", "rb", "Br", "bR", "RB", "rB"] {
      assertTokens(
        "\(prefix)'a' \(prefix)\"b\"", [(.string, "\(prefix)'a'"), (.string, "\(prefix)\"b\"")], significantOnly: true)
    }
    // Not prefixes: the name and the string are separate tokens.
    for name in ["ur", "bu", "fb", "tb", "ft", "rr", "x"] {
      assertTokens("\(name)'a'", [(.name, name), (.string, "'a'")], significantOnly: true)
    }
  }

  func testTripleQuotedAndEscapes() {
    assertTokens(
      "x = \"\"\"a\n\"b\"\n''\"\"\" + '''c'''\n",
      [
        (.name, "x"), (.equal, "="), (.string, "\"\"\"a\n\"b\"\n''\"\"\""), (.plus, "+"), (.string, "'''c'''"),
        (.newline, "\n"), (.endOfFile, ""),
      ])
    assertTokens(
      #"r"\"" b'\'' '\\' "a\"b""#,
      [(.string, #"r"\"""#), (.string, #"b'\''"#), (.string, #"'\\'"#), (.string, #""a\"b""#)], significantOnly: true)
    assertTokens("'a\\\nb'\n", [(.string, "'a\\\nb'"), (.newline, "\n"), (.endOfFile, "")])
    assertTokens("'a\\\r\nb'", [(.string, "'a\\\r\nb'")], significantOnly: true)
    assertTokens("''''''", [(.string, "''''''")], significantOnly: true)
    assertTokens(
      "'''a''''", [(.string, "'''a'''"), (.error, "'")], significantOnly: true,
      diagnostics: ["unterminated string literal (detected at line 1)"])
  }

  func testUnterminatedStrings() {
    assertTokens(
      "x = 'abc\ny = 1\n",
      [
        (.name, "x"), (.equal, "="), (.error, "'abc"), (.newline, "\n"), (.name, "y"), (.equal, "="), (.number, "1"),
        (.newline, "\n"), (.endOfFile, ""),
      ],
      diagnostics: ["unterminated string literal (detected at line 1)"])
    assertTokens(
      "x = \"\"\"abc\ny = 1\n",
      [(.name, "x"), (.equal, "="), (.error, "\"\"\"abc\ny = 1\n"), (.newline, ""), (.endOfFile, "")],
      diagnostics: ["unterminated triple-quoted string literal (detected at line 2)"])
    assertTokens(
      "rb'\\", [(.error, "rb'\\")], significantOnly: true,
      diagnostics: ["unterminated string literal (detected at line 1)"])
    assertTokens(
      "'a\\\n", [(.error, "'a\\\n")], significantOnly: true,
      diagnostics: ["unterminated string literal (detected at line 1)"])
    XCTAssertEqual(lex("x = 1\ns = 'abc\n").diagnostics.map(\.offset), [10])
  }

  // MARK: f-strings and t-strings

  func testSimpleFString() {
    assertTokens(
      "f\"a{x}b\"",
      [
        (.fStringStart, "f\""), (.fStringMiddle, "a"), (.leftBrace, "{"), (.name, "x"), (.rightBrace, "}"),
        (.fStringMiddle, "b"), (.fStringEnd, "\""),
      ], significantOnly: true)
    assertTokens("f''", [(.fStringStart, "f'"), (.fStringEnd, "'")], significantOnly: true)
    assertTokens(
      "F'{x}' Rf\"\" fR'''a''' rF\"{y}\"",
      [
        (.fStringStart, "F'"), (.leftBrace, "{"), (.name, "x"), (.rightBrace, "}"), (.fStringEnd, "'"),
        (.fStringStart, "Rf\""), (.fStringEnd, "\""), (.fStringStart, "fR'''"), (.fStringMiddle, "a"),
        (.fStringEnd, "'''"), (.fStringStart, "rF\""), (.leftBrace, "{"), (.name, "y"), (.rightBrace, "}"),
        (.fStringEnd, "\""),
      ], significantOnly: true)
  }

  func testNestedFStringsReuseQuotes() {
    assertTokens(
      "f\"{f'{x:{y}}'}\"",
      [
        (.fStringStart, "f\""), (.leftBrace, "{"), (.fStringStart, "f'"), (.leftBrace, "{"), (.name, "x"),
        (.colon, ":"), (.leftBrace, "{"), (.name, "y"), (.rightBrace, "}"), (.rightBrace, "}"), (.fStringEnd, "'"),
        (.rightBrace, "}"), (.fStringEnd, "\""),
      ], significantOnly: true)
    assertTokens(
      "f\"{f\"{f\"{x}\"}\"}\"",
      [
        (.fStringStart, "f\""), (.leftBrace, "{"), (.fStringStart, "f\""), (.leftBrace, "{"), (.fStringStart, "f\""),
        (.leftBrace, "{"), (.name, "x"), (.rightBrace, "}"), (.fStringEnd, "\""), (.rightBrace, "}"),
        (.fStringEnd, "\""), (.rightBrace, "}"), (.fStringEnd, "\""),
      ], significantOnly: true)
    assertTokens(
      "f\"{d[\"key\"]}\"",
      [
        (.fStringStart, "f\""), (.leftBrace, "{"), (.name, "d"), (.leftSquare, "["), (.string, "\"key\""),
        (.rightSquare, "]"), (.rightBrace, "}"), (.fStringEnd, "\""),
      ], significantOnly: true)
  }

  func testConversionAndFormatSpec() {
    assertTokens(
      "f\"{x!r:>10}\"",
      [
        (.fStringStart, "f\""), (.leftBrace, "{"), (.name, "x"), (.exclamation, "!"), (.name, "r"), (.colon, ":"),
        (.fStringMiddle, ">10"), (.rightBrace, "}"), (.fStringEnd, "\""),
      ], significantOnly: true)
    assertTokens(
      "f\"{x:{y}.{z}f} {w!s}\"",
      [
        (.fStringStart, "f\""), (.leftBrace, "{"), (.name, "x"), (.colon, ":"), (.leftBrace, "{"), (.name, "y"),
        (.rightBrace, "}"), (.fStringMiddle, "."), (.leftBrace, "{"), (.name, "z"), (.rightBrace, "}"),
        (.fStringMiddle, "f"), (.rightBrace, "}"), (.fStringMiddle, " "), (.leftBrace, "{"), (.name, "w"),
        (.exclamation, "!"), (.name, "s"), (.rightBrace, "}"), (.fStringEnd, "\""),
      ], significantOnly: true)
    assertTokens(
      "f\"{x:%H:%M}\" f\"{x:}\"",
      [
        (.fStringStart, "f\""), (.leftBrace, "{"), (.name, "x"), (.colon, ":"), (.fStringMiddle, "%H:%M"),
        (.rightBrace, "}"), (.fStringEnd, "\""), (.fStringStart, "f\""), (.leftBrace, "{"), (.name, "x"),
        (.colon, ":"), (.rightBrace, "}"), (.fStringEnd, "\""),
      ], significantOnly: true)
  }

  func testConditionalExpressionInField() {
    assertTokens(
      "f\"{'a' if b else 'c'}\"",
      [
        (.fStringStart, "f\""), (.leftBrace, "{"), (.string, "'a'"), (.ifKeyword, "if"), (.name, "b"),
        (.elseKeyword, "else"), (.string, "'c'"), (.rightBrace, "}"), (.fStringEnd, "\""),
      ], significantOnly: true)
  }

  func testDebugSpecifier() {
    assertTokens(
      "f\"{x=}\"",
      [
        (.fStringStart, "f\""), (.leftBrace, "{"), (.name, "x"), (.equal, "="), (.rightBrace, "}"),
        (.fStringEnd, "\""),
      ], significantOnly: true)
    let lexed = lex("f\"{x = !r:^20}\"")
    XCTAssertEqual(
      lexed.significantTokens.map(\.0),
      [.fStringStart, .leftBrace, .name, .equal, .exclamation, .name, .colon, .fStringMiddle, .rightBrace, .fStringEnd])
    XCTAssertEqual(lexed.trailingTrivia(2), " ")
    XCTAssertEqual(lexed.trailingTrivia(3), " ")
  }

  func testWalrusNotEqualAndColonsInFields() {
    assertTokens(
      "f\"{(x:=10)}\" f\"{x!=y}\" f\"{x:=10}\"",
      [
        (.fStringStart, "f\""), (.leftBrace, "{"), (.leftParen, "("), (.name, "x"), (.colonEqual, ":="),
        (.number, "10"), (.rightParen, ")"), (.rightBrace, "}"), (.fStringEnd, "\""),
        (.fStringStart, "f\""), (.leftBrace, "{"), (.name, "x"), (.notEqual, "!="), (.name, "y"),
        (.rightBrace, "}"), (.fStringEnd, "\""),
        (.fStringStart, "f\""), (.leftBrace, "{"), (.name, "x"), (.colon, ":"), (.fStringMiddle, "=10"),
        (.rightBrace, "}"), (.fStringEnd, "\""),
      ], significantOnly: true)
    assertTokens(
      "f\"{ {1: 2}[1] }\" f\"{lambda: 1}\"",
      [
        (.fStringStart, "f\""), (.leftBrace, "{"), (.leftBrace, "{"), (.number, "1"), (.colon, ":"), (.number, "2"),
        (.rightBrace, "}"), (.leftSquare, "["), (.number, "1"), (.rightSquare, "]"), (.rightBrace, "}"),
        (.fStringEnd, "\""), (.fStringStart, "f\""), (.leftBrace, "{"), (.lambdaKeyword, "lambda"), (.colon, ":"),
        (.fStringMiddle, " 1"), (.rightBrace, "}"), (.fStringEnd, "\""),
      ], significantOnly: true)
  }

  func testDoubledBracesAreText() {
    assertTokens(
      "f\"{{literal}}\"", [(.fStringStart, "f\""), (.fStringMiddle, "{{literal}}"), (.fStringEnd, "\"")],
      significantOnly: true)
    assertTokens(
      "f\"{{{x}}}\"",
      [
        (.fStringStart, "f\""), (.fStringMiddle, "{{"), (.leftBrace, "{"), (.name, "x"), (.rightBrace, "}"),
        (.fStringMiddle, "}}"), (.fStringEnd, "\""),
      ], significantOnly: true)
  }

  func testMultiLineFieldsWithComments() {
    let lexed = lex("x = f\"\"\"{\n  a # comment\n  + b\n}\"\"\"\ny\n")
    XCTAssertEqual(
      lexed.kinds,
      [
        .name, .equal, .fStringStart, .leftBrace, .name, .plus, .name, .rightBrace, .fStringEnd, .newline, .name,
        .newline, .endOfFile,
      ])
    XCTAssertEqual(lexed.trailingTrivia(4), " # comment")
    XCTAssertEqual(lexed.leadingTrivia(5), "\n  ")
    XCTAssertEqual(lexed.messages, [])
    // Single-quoted f-strings may break lines inside a field too (PEP 701).
    assertTokens(
      "f\"{1 +\n2}\"\n",
      [
        (.fStringStart, "f\""), (.leftBrace, "{"), (.number, "1"), (.plus, "+"), (.number, "2"), (.rightBrace, "}"),
        (.fStringEnd, "\""), (.newline, "\n"), (.endOfFile, ""),
      ])
    assertTokens(
      "f'''a\nb{c:\n}'''",
      [
        (.fStringStart, "f'''"), (.fStringMiddle, "a\nb"), (.leftBrace, "{"), (.name, "c"), (.colon, ":"),
        (.fStringMiddle, "\n"), (.rightBrace, "}"), (.fStringEnd, "'''"),
      ], significantOnly: true)
  }

  func testFStringEscapes() {
    assertTokens(
      "f\"\\N{BULLET} {x}\"",
      [
        (.fStringStart, "f\""), (.fStringMiddle, "\\N{BULLET} "), (.leftBrace, "{"), (.name, "x"), (.rightBrace, "}"),
        (.fStringEnd, "\""),
      ], significantOnly: true)
    assertTokens(
      "rf\"\\N{x}\\\"\"",
      [
        (.fStringStart, "rf\""), (.fStringMiddle, "\\N"), (.leftBrace, "{"), (.name, "x"), (.rightBrace, "}"),
        (.fStringMiddle, "\\\""), (.fStringEnd, "\""),
      ], significantOnly: true)
    assertTokens(
      "f\"\\{x}\"",
      [
        (.fStringStart, "f\""), (.fStringMiddle, "\\"), (.leftBrace, "{"), (.name, "x"), (.rightBrace, "}"),
        (.fStringEnd, "\""),
      ], significantOnly: true)
  }

  func testTemplateStrings() {
    assertTokens(
      "t\"a{x!r:>{w}}\" Tr'' rT'''{y}'''",
      [
        (.tStringStart, "t\""), (.tStringMiddle, "a"), (.leftBrace, "{"), (.name, "x"), (.exclamation, "!"),
        (.name, "r"), (.colon, ":"), (.tStringMiddle, ">"), (.leftBrace, "{"), (.name, "w"), (.rightBrace, "}"),
        (.rightBrace, "}"), (.tStringEnd, "\""), (.tStringStart, "Tr'"), (.tStringEnd, "'"),
        (.tStringStart, "rT'''"), (.leftBrace, "{"), (.name, "y"), (.rightBrace, "}"), (.tStringEnd, "'''"),
      ], significantOnly: true)
  }

  func testAdjacentStringsAndFStrings() {
    assertTokens(
      "x = f\"{x}\" \"plain\" f\"{y:{z:{w}}}\"",
      [
        (.name, "x"), (.equal, "="), (.fStringStart, "f\""), (.leftBrace, "{"), (.name, "x"), (.rightBrace, "}"),
        (.fStringEnd, "\""), (.string, "\"plain\""), (.fStringStart, "f\""), (.leftBrace, "{"), (.name, "y"),
        (.colon, ":"), (.leftBrace, "{"), (.name, "z"), (.colon, ":"), (.leftBrace, "{"), (.name, "w"),
        (.rightBrace, "}"), (.rightBrace, "}"), (.rightBrace, "}"), (.fStringEnd, "\""),
      ], significantOnly: true)
  }

  func testFStringErrors() {
    assertTokens(
      "x = f\"abc\ny\n",
      [
        (.name, "x"), (.equal, "="), (.fStringStart, "f\""), (.error, "abc"), (.newline, "\n"), (.name, "y"),
        (.newline, "\n"), (.endOfFile, ""),
      ],
      diagnostics: ["unterminated f-string literal (detected at line 1)"])
    assertTokens(
      "f\"\"\"abc{x}\ny\n",
      [
        (.fStringStart, "f\"\"\""), (.fStringMiddle, "abc"), (.leftBrace, "{"), (.name, "x"), (.rightBrace, "}"),
        (.error, "\ny\n"), (.newline, ""), (.endOfFile, ""),
      ],
      diagnostics: ["unterminated triple-quoted f-string literal (detected at line 2)"])
    assertTokens(
      "f\"a}b\"", [(.fStringStart, "f\""), (.fStringMiddle, "a}b"), (.fStringEnd, "\"")], significantOnly: true,
      diagnostics: ["f-string: single '}' is not allowed"])
    assertTokens(
      "f\"{x:abc\"\ny\n",
      [
        (.fStringStart, "f\""), (.leftBrace, "{"), (.name, "x"), (.colon, ":"), (.fStringMiddle, "abc"),
        (.fStringEnd, "\""), (.newline, "\n"), (.name, "y"), (.newline, "\n"), (.endOfFile, ""),
      ],
      diagnostics: ["f-string: expecting '}'"])
    assertTokens(
      "t\"{x:abc\ny\n",
      [
        (.tStringStart, "t\""), (.leftBrace, "{"), (.name, "x"), (.colon, ":"), (.tStringMiddle, "abc"),
        (.newline, "\n"), (.name, "y"), (.newline, "\n"), (.endOfFile, ""),
      ],
      diagnostics: [
        "f-string: newlines are not allowed in format specifiers for single quoted f-strings",
        "unterminated t-string literal (detected at line 1)",
      ])
    // An unclosed field runs to the end of the file, as in CPython.
    let lexed = lex("f\"{x\ny = 1\n")
    XCTAssertEqual(lexed.kinds.last, .endOfFile)
    XCTAssertTrue(lexed.messages.contains("unterminated f-string literal (detected at line 2)"), "\(lexed.messages)")
  }

  // MARK: Operators

  func testEveryOperatorAndDelimiter() {
    let kinds = TokenKind.allCases.filter { !$0.isKeyword && $0.fixedText != nil }
    let text = kinds.map { $0.fixedText! }.joined(separator: " ")
    assertTokens(text, kinds.map { ($0, $0.fixedText!) }, significantOnly: true)
  }

  func testLongestMatch() {
    assertTokens(
      "a**=b//=c>>=d<<=e->f:=g...h!=i<>j**k//l<m>n<=o>=p==q=r.s",
      [
        (.name, "a"), (.doubleStarEqual, "**="), (.name, "b"), (.doubleSlashEqual, "//="), (.name, "c"),
        (.rightShiftEqual, ">>="), (.name, "d"), (.leftShiftEqual, "<<="), (.name, "e"), (.arrow, "->"), (.name, "f"),
        (.colonEqual, ":="), (.name, "g"), (.ellipsis, "..."), (.name, "h"), (.notEqual, "!="), (.name, "i"),
        (.lessGreater, "<>"), (.name, "j"), (.doubleStar, "**"), (.name, "k"), (.doubleSlash, "//"), (.name, "l"),
        (.less, "<"), (.name, "m"), (.greater, ">"), (.name, "n"), (.lessEqual, "<="), (.name, "o"),
        (.greaterEqual, ">="), (.name, "p"), (.equalEqual, "=="), (.name, "q"), (.equal, "="), (.name, "r"),
        (.dot, "."), (.name, "s"),
      ], significantOnly: true)
    assertTokens("....", [(.ellipsis, "..."), (.dot, ".")], significantOnly: true)
    assertTokens("!x", [(.exclamation, "!"), (.name, "x")], significantOnly: true)
  }

  // MARK: Encodings

  func testByteOrderMarkIsLeadingTrivia() {
    let lexed = lex([0xEF, 0xBB, 0xBF] + [UInt8]("x = 1\n".utf8))
    XCTAssertEqual(lexed.messages, [])
    XCTAssertEqual(lexed.table.leadingStarts[0], 0)
    XCTAssertEqual(lexed.table.textStarts[0], 3)
    // An indented first line: the INDENT comes first, at offset 0.
    let indented = lex([0xEF, 0xBB, 0xBF] + [UInt8]("  x\n".utf8))
    XCTAssertEqual(indented.kinds, [.indent, .name, .newline, .dedent, .endOfFile])
    XCTAssertEqual(indented.table.textStarts[0], 0)
  }

  func testCodingCookies() {
    XCTAssertEqual(lex("# -*- coding: utf-8 -*-\nx\n").messages, [])
    XCTAssertEqual(lex("#!/usr/bin/env python\n# vim: set fileencoding=latin-1 :\nx\n").messages, [])
    XCTAssertEqual(lex("# coding=cp1252\n").messages, [])
    XCTAssertEqual(lex("# coding: koi8-r\n").messages, [])
    XCTAssertEqual(lex("# coding: EUC-JP\n").messages, [])
    XCTAssertEqual(lex("# coding: shift_jis\n").messages, [])
    XCTAssertEqual(lex("# coding: ISO_8859-15\n").messages, [])
    XCTAssertEqual(lex("\n# coding: ascii\n").messages, [])
    // Only line 1 or 2, and line 2 only after a blank or comment line.
    XCTAssertEqual(lex("x = 1\n# coding: nonsense\n").messages, [])
    XCTAssertEqual(lex("\n\n# coding: nonsense\n").messages, [])
    XCTAssertEqual(lex("\n# coding: nonsense\n").messages, ["unknown encoding: nonsense"])
    XCTAssertEqual(lex("x = 1  # coding: nonsense\n").messages, [])
    // Under a legacy encoding, bytes ≥ 0x80 are not checked and may form identifiers.
    let latin1 = lex(
      [UInt8]("# coding: latin-1\ns = '".utf8) + [0xE9] + [UInt8]("'\n".utf8) + [0xE9] + [UInt8](" = 1\n".utf8))
    XCTAssertEqual(latin1.messages, [])
    XCTAssertEqual(latin1.significantTokens.map(\.0), [.name, .equal, .string, .name, .equal, .number])
    // A UTF-8 alias is checked as UTF-8.
    XCTAssertEqual(lex([UInt8]("# coding: utf8\n#".utf8) + [0xE9, 10]).messages.count, 1)
  }

  func testInvalidStandardLibraryEncodings() {
    // test/tokenizedata/bad_coding.py
    let badCoding = lex([UInt8]("# -*- coding: uft-8 -*-\n".utf8))
    XCTAssertEqual(badCoding.messages, ["unknown encoding: uft-8"])
    XCTAssertEqual(badCoding.diagnostics.first?.offset, 14)
    // test/tokenizedata/bad_coding2.py
    let badCoding2 = lex(
      [0xEF, 0xBB, 0xBF] + [UInt8]("#coding: utf8\nprint('".utf8) + [0xE6, 0x88, 0x91] + [UInt8]("')\n".utf8))
    XCTAssertEqual(badCoding2.messages, ["encoding problem: utf8 with BOM"])
    // test/tokenizedata/badsyntax_3131.py
    let badSyntax3131 = lex([UInt8]("# -*- coding: utf-8 -*-\n".utf8) + [0xE2, 0x82, 0xAC] + [UInt8](" = 2\n".utf8))
    XCTAssertEqual(badSyntax3131.messages, ["invalid character '€' (U+20AC)"])
    XCTAssertEqual(badSyntax3131.diagnostics.first.map { badSyntax3131.source.location(of: $0.offset).line }, 2)
    // test/tokenizedata/badsyntax_pep3120.py
    let badSyntax3120 = lex([UInt8]("print(\"b".utf8) + [0xF6] + [UInt8]("se\")\n".utf8))
    XCTAssertEqual(
      badSyntax3120.messages, ["(unicode error) 'utf-8' codec can't decode byte 0xf6 in position 8: invalid start byte"]
    )
    XCTAssertEqual(badSyntax3120.diagnostics.first?.offset, 8)
    XCTAssertEqual(badSyntax3120.significantTokens.map(\.0), [.name, .leftParen, .string, .rightParen])
  }

  func testByteOrderMarkWithCookies() {
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    XCTAssertEqual(lex(bom + [UInt8]("# coding: utf-8\n".utf8)).messages, [])
    XCTAssertEqual(lex(bom + [UInt8]("# coding: UTF_8\n".utf8)).messages, [])
    XCTAssertEqual(lex(bom + [UInt8]("# coding: latin-1\n".utf8)).messages, ["encoding problem: iso-8859-1 with BOM"])
  }

  func testInvalidUTF8() {
    let cases: [([UInt8], String)] = [
      ([0x80], "invalid start byte"), ([0xC0, 0x80], "invalid start byte"),
      ([0xE2, 0x28, 0xA1], "invalid continuation byte"), ([0xED, 0xA0, 0x80], "invalid continuation byte"),
      ([0xF4, 0x90, 0x80, 0x80], "invalid continuation byte"), ([0xE2, 0x82], "unexpected end of data"),
    ]
    for (bytes, reason) in cases {
      let lexed = lex([UInt8]("# c\nx = ".utf8) + bytes)
      XCTAssertEqual(lexed.messages.count, 1, "\(bytes)")
      XCTAssertTrue(lexed.messages.first?.hasSuffix(reason) ?? false, "\(bytes): \(lexed.messages)")
      XCTAssertEqual(lexed.diagnostics.first?.offset, 8)
    }
  }

  // MARK: Robustness

  func testHostileInputsFinishAndTile() {
    let deepBrackets = [UInt8](repeating: UInt8(ascii: "("), count: 10_000)
    XCTAssertEqual(lex(deepBrackets).count, 10_002)
    let deepFStrings = String(repeating: "f'{", count: 5_000) + "x" + String(repeating: "}'", count: 5_000)
    XCTAssertEqual(lex(deepFStrings).messages, [])
    let deepSpecs = "f'{x:" + String(repeating: "{y:", count: 5_000) + String(repeating: "}", count: 5_001) + "'"
    XCTAssertEqual(lex(deepSpecs).messages, [])
    lex(String(repeating: "f'{x:{", count: 3_000))
    lex(String(repeating: "}'\")]", count: 3_000))
    // One 10 MB line: a megabyte of tokens (anything quadratic in the line would hang) and a long string.
    let longLine = [UInt8](
      (String(repeating: "abc + 1.5e3 * 'x' ", count: 60_000) + "'" + String(repeating: "y", count: 9_000_000) + "'")
        .utf8)
    XCTAssertGreaterThan(longLine.count, 10_000_000)
    XCTAssertEqual(lex(longLine).messages, [])
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<10 {
      lex((0..<20_000).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }
    let pythonish = Array("\"'f{}():\\\n\r\t #x1.e_\u{0C}rb".utf8)
    for _ in 0..<200 {
      lex((0..<2_000).map { _ in pythonish.randomElement(using: &generator)! })
    }
    lex([0xEF, 0xBB])
    lex([0xEF, 0xBB, 0xBF])
    lex([0xFF, 0xFE, 0x00])
  }
}

// MARK: - Helpers

/// The result of lexing one source in a test: its tokens as (kind, text) pairs, the
/// diagnostics, and the raw table for trivia checks.
struct LexedSource {
  let source: SourceBuffer
  let table: TokenTable
  let diagnostics: [SyntaxDiagnostic]

  var tokens: [(TokenKind, String)] {
    (0..<table.count).map { (table.kinds[$0], source.text(table.textRange(UInt32($0)))) }
  }

  /// Tokens without NEWLINE/INDENT/DEDENT/end of file, for checks of one line's tokens.
  var significantTokens: [(TokenKind, String)] {
    tokens.filter { !$0.0.isLayout }
  }

  var kinds: [TokenKind] { table.kinds }
  var count: Int { table.count }

  func leadingTrivia(_ index: Int) -> String { source.text(table.leadingTriviaRange(UInt32(index))) }
  func trailingTrivia(_ index: Int) -> String { source.text(table.trailingTriviaRange(UInt32(index))) }
  var messages: [String] { diagnostics.map(\.message) }
}

/// Problems with how `table` tiles `bytes` (empty when it tiles them exactly and ends with the
/// end-of-file token).
func tilingProblems(_ table: TokenTable, _ bytes: [UInt8]) -> [String] {
  var problems: [String] = []
  var expected: UInt32 = 0
  for index in 0..<table.count {
    if table.leadingStarts[index] != expected {
      problems.append("token \(index) starts at \(table.leadingStarts[index]), expected \(expected)")
      break
    }
    if !(table.leadingStarts[index] <= table.textStarts[index] && table.textStarts[index] <= table.textEnds[index]) {
      problems.append("token \(index) has inverted ranges")
      break
    }
    if table.kinds[index].isZeroWidth && table.textStarts[index] != table.textEnds[index] {
      problems.append("zero-width token \(index) (\(table.kinds[index])) has text")
    }
    expected = table.trailingTriviaRange(UInt32(index)).upperBound
  }
  if problems.isEmpty && expected != UInt32(bytes.count) {
    problems.append("tokens end at \(expected), source has \(bytes.count)")
  }
  if table.sourceLength != UInt32(bytes.count) {
    problems.append("sourceLength \(table.sourceLength) != \(bytes.count)")
  }
  if table.count == 0 || table.kinds[table.count - 1] != .endOfFile {
    problems.append("no end-of-file token")
  } else if table.kinds[..<(table.count - 1)].contains(.endOfFile) {
    problems.append("end-of-file token before the end")
  }
  return problems
}

/// Lexes `bytes` and asserts that the tokens tile them.
@discardableResult
func lex(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) -> LexedSource {
  let source = SourceBuffer(bytes)
  let (table, diagnostics) = Lexer.tokenize(source)
  XCTAssertEqual(tilingProblems(table, bytes), [], "tiling", file: file, line: line)
  return LexedSource(source: source, table: table, diagnostics: diagnostics)
}

@discardableResult
func lex(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> LexedSource {
  lex(Array(text.utf8), file: file, line: line)
}

/// Asserts the (kind, text) pairs of `text`'s tokens (all of them, layout included, unless
/// `significantOnly`) and that it lexes without diagnostics unless `diagnostics` lists them.
func assertTokens(
  _ text: String, _ expected: [(TokenKind, String)], significantOnly: Bool = false, diagnostics: [String] = [],
  file: StaticString = #filePath, line: UInt = #line
) {
  let lexed = lex(text, file: file, line: line)
  let actual = significantOnly ? lexed.significantTokens : lexed.tokens
  let render = { (tokens: [(TokenKind, String)]) in tokens.map { "\($0.0) \($0.1.debugDescription)" } }
  XCTAssertEqual(render(actual), render(expected), "tokens of \(text.debugDescription)", file: file, line: line)
  XCTAssertEqual(lexed.messages, diagnostics, "diagnostics of \(text.debugDescription)", file: file, line: line)
}
