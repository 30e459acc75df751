extension Lexer {
  /// Handles the start of the file as CPython's tokenizer does: a UTF-8 byte order mark (kept as
  /// leading trivia of the first token), a PEP 263 coding cookie on line 1 or 2, and, when the
  /// file is UTF-8, a check that it decodes. Also reports the first null byte.
  mutating func checkEncoding() {
    let hasByteOrderMark = end >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    if hasByteOrderMark { position = 3 }
    if let cookie = findCodingCookie() {
      let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[cookie]), as: UTF8.self)
      let normalName = Lexer.normalEncodingName(name)
      if hasByteOrderMark && normalName != "utf-8" {
        report("encoding problem: \(normalName) with BOM", from: cookie.lowerBound, to: cookie.upperBound)
      } else if normalName != "utf-8" && normalName != "iso-8859-1" && !Lexer.isKnownEncoding(name) {
        report("unknown encoding: \(normalName)", from: cookie.lowerBound, to: cookie.upperBound)
      }
      isUTF8 = normalName == "utf-8" || Lexer.isUTF8Alias(name)
    }
    checkBytes(checkingUTF8: isUTF8)
  }

  /// The range of the encoding name in a coding cookie on line 1, or on line 2 when line 1 holds
  /// only whitespace or a comment.
  private func findCodingCookie() -> Range<Int>? {
    var lineStart = position
    for _ in 0..<2 {
      var lineEnd = lineStart
      while lineEnd < end && bytes[lineEnd] != UInt8(ascii: "\n") && bytes[lineEnd] != UInt8(ascii: "\r") {
        lineEnd += 1
      }
      var index = lineStart
      while index < lineEnd
        && (bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") || bytes[index] == 0x0C)
      {
        index += 1
      }
      // Only a comment line can hold a cookie, and only such a line or a blank one lets line 2 try.
      guard index == lineEnd || bytes[index] == UInt8(ascii: "#") else { return nil }
      if let name = codingName(from: index, to: lineEnd) { return name }
      lineStart = lineEnd + lineBreakLength(at: lineEnd)
      if lineStart >= end { return nil }
    }
    return nil
  }

  /// The name after the first `coding:` or `coding=` in the line that has one (`[-\w.]+`).
  private func codingName(from start: Int, to lineEnd: Int) -> Range<Int>? {
    let coding: [UInt8] = Array("coding".utf8)
    var index = start
    while index + 6 < lineEnd {
      var matches = true
      for offset in 0..<6 where bytes[index + offset] != coding[offset] {
        matches = false
        break
      }
      if matches && (bytes[index + 6] == UInt8(ascii: ":") || bytes[index + 6] == UInt8(ascii: "=")) {
        var nameStart = index + 7
        while nameStart < lineEnd && (bytes[nameStart] == UInt8(ascii: " ") || bytes[nameStart] == UInt8(ascii: "\t")) {
          nameStart += 1
        }
        var nameEnd = nameStart
        while nameEnd < lineEnd
          && (isASCIIIdentifierByte(bytes[nameEnd]) || bytes[nameEnd] == UInt8(ascii: "-")
            || bytes[nameEnd] == UInt8(ascii: "."))
        {
          nameEnd += 1
        }
        if nameEnd > nameStart { return nameStart..<nameEnd }
      }
      index += 1
    }
    return nil
  }

  /// CPython's `get_normal_name`: `utf-8` and `latin-1` spellings (case, `_` for `-`, suffixes)
  /// map to `utf-8` and `iso-8859-1`; other names stay as written. Cookie names are ASCII.
  static func normalEncodingName(_ name: String) -> String {
    let lowered = String(
      decoding: name.utf8.prefix(12).map { byte in
        byte == UInt8(ascii: "_") ? UInt8(ascii: "-") : (byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte)
      }, as: UTF8.self)
    if lowered == "utf-8" || lowered.hasPrefix("utf-8-") { return "utf-8" }
    if lowered == "latin-1" || lowered == "iso-8859-1" || lowered == "iso-latin-1" || lowered.hasPrefix("latin-1-")
      || lowered.hasPrefix("iso-8859-1-") || lowered.hasPrefix("iso-latin-1-")
    {
      return "iso-8859-1"
    }
    return name
  }

  /// Python's codec lookup spelling of a cookie name (`encodings.normalize_encoding` after
  /// lowercasing): runs of `-` and `_` become one `_`, none at either end.
  static func codecLookupName(_ name: String) -> String {
    var result: [UInt8] = []
    var pendingSeparator = false
    for byte in name.utf8 {
      if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") {
        pendingSeparator = true
        continue
      }
      if pendingSeparator && !result.isEmpty { result.append(UInt8(ascii: "_")) }
      result.append(byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte)
      pendingSeparator = false
    }
    return String(decoding: result, as: UTF8.self)
  }

  /// Whether Python has a text codec of this name (its `encodings` modules and aliases).
  static func isKnownEncoding(_ name: String) -> Bool {
    let lookupName = codecLookupName(name)
    return knownEncodings.contains(lookupName)
      || knownEncodings.contains(
        String(decoding: lookupName.utf8.map { $0 == UInt8(ascii: ".") ? UInt8(ascii: "_") : $0 }, as: UTF8.self))
  }

  /// Whether `name` is one of Python's names for the UTF-8 codec.
  static func isUTF8Alias(_ name: String) -> Bool {
    ["u8", "utf", "utf8", "utf_8", "utf8_ucs2", "utf8_ucs4", "cp65001", "utf_8_sig"].contains(codecLookupName(name))
  }

  /// Python 3.13's text codecs: the modules of `encodings` and their aliases, normalized.
  private static let knownEncodings: Set<String> = Set(
    knownEncodingNames.split { $0 == " " || $0 == "\n" }.map(String.init))

  private static let knownEncodingNames = """
    037 1026 1125 1140 1250 1251 1252 1253 1254 1255 1256 1257 1258 273 424 437 500 646 775 850 852 855
    857 858 860 861 862 863 864 865 866 869 8859 932 936 949 950 ansi_x3.4_1968 ansi_x3.4_1986
    ansi_x3_4_1968 arabic ascii asmo_708 big5 big5_hkscs big5_tw big5hkscs chinese cp037 cp1006 cp1026
    cp1051 cp1125 cp1140 cp1250 cp1251 cp1252 cp1253 cp1254 cp1255 cp1256 cp1257 cp1258 cp1361 cp154
    cp273 cp367 cp424 cp437 cp500 cp65001 cp720 cp737 cp775 cp819 cp850 cp852 cp855 cp856 cp857 cp858
    cp860 cp861 cp862 cp863 cp864 cp865 cp866 cp866u cp869 cp874 cp875 cp932 cp936 cp949 cp950 cp_gr
    cp_is csascii csbig5 cshproman8 csibm037 csibm1026 csibm273 csibm424 csibm500 csibm855 csibm857
    csibm858 csibm860 csibm861 csibm863 csibm864 csibm865 csibm866 csibm869 csiso2022jp csiso2022kr
    csiso58gb231280 csisolatin1 csisolatin2 csisolatin3 csisolatin4 csisolatin5 csisolatin6
    csisolatinarabic csisolatincyrillic csisolatingreek csisolatinhebrew cskoi8r cspc775baltic
    cspc850multilingual cspc862latinhebrew cspc8codepage437 cspcp852 csptcp154 csshiftjis cyrillic
    cyrillic_asian ebcdic_cp_be ebcdic_cp_ca ebcdic_cp_ch ebcdic_cp_he ebcdic_cp_nl ebcdic_cp_us
    ebcdic_cp_wt ecma_114 ecma_118 elot_928 euc_cn euc_jis2004 euc_jis_2004 euc_jisx0213 euc_jp euc_kr
    euccn eucgb2312_cn eucjis2004 eucjisx0213 eucjp euckr gb18030 gb18030_2000 gb2312 gb2312_1980
    gb2312_80 gbk greek greek8 hebrew hkscs hp_roman8 hz hz_gb hz_gb_2312 hzgb ibm037 ibm039 ibm1026
    ibm1051 ibm1125 ibm1140 ibm273 ibm367 ibm424 ibm437 ibm500 ibm775 ibm819 ibm850 ibm852 ibm855 ibm857
    ibm858 ibm860 ibm861 ibm862 ibm863 ibm864 ibm865 ibm866 ibm869 iso2022_jp iso2022_jp_1 iso2022_jp_2
    iso2022_jp_2004 iso2022_jp_3 iso2022_jp_ext iso2022_kr iso2022jp iso2022jp_1 iso2022jp_2
    iso2022jp_2004 iso2022jp_3 iso2022jp_ext iso2022kr iso646_us iso8859 iso8859_1 iso8859_10 iso8859_11
    iso8859_13 iso8859_14 iso8859_15 iso8859_16 iso8859_2 iso8859_3 iso8859_4 iso8859_5 iso8859_6
    iso8859_7 iso8859_8 iso8859_9 iso_2022_jp iso_2022_jp_1 iso_2022_jp_2 iso_2022_jp_2004 iso_2022_jp_3
    iso_2022_jp_ext iso_2022_kr iso_646.irv_1991 iso_8859_1 iso_8859_10 iso_8859_10_1992 iso_8859_11
    iso_8859_11_2001 iso_8859_13 iso_8859_14 iso_8859_14_1998 iso_8859_15 iso_8859_16 iso_8859_16_2001
    iso_8859_1_1987 iso_8859_2 iso_8859_2_1987 iso_8859_3 iso_8859_3_1988 iso_8859_4 iso_8859_4_1988
    iso_8859_5 iso_8859_5_1988 iso_8859_6 iso_8859_6_1987 iso_8859_7 iso_8859_7_1987 iso_8859_8
    iso_8859_8_1988 iso_8859_9 iso_8859_9_1989 iso_celtic iso_ir_100 iso_ir_101 iso_ir_109 iso_ir_110
    iso_ir_126 iso_ir_127 iso_ir_138 iso_ir_144 iso_ir_148 iso_ir_157 iso_ir_166 iso_ir_199 iso_ir_226
    iso_ir_58 iso_ir_6 jisx0213 johab koi8_r koi8_t koi8_u korean ks_c_5601 ks_c_5601_1987 ks_x_1001
    ksc5601 ksx1001 kz1048 kz_1048 l1 l10 l2 l3 l4 l5 l6 l7 l8 l9 latin latin1 latin10 latin2 latin3
    latin4 latin5 latin6 latin7 latin8 latin9 latin_1 mac_arabic mac_centeuro mac_croatian mac_cyrillic
    mac_farsi mac_greek mac_iceland mac_latin2 mac_roman mac_romanian mac_turkish maccentraleurope
    maccyrillic macgreek maciceland macintosh maclatin2 macroman macturkish ms1361 ms932 ms936 ms949
    ms950 ms_kanji mskanji palmos pt154 ptcp154 r8 rk1048 roman8 ruscii s_jis s_jis_2004 s_jisx0213
    shift_jis shift_jis_2004 shift_jisx0213 shiftjis shiftjis2004 shiftjisx0213 sjis sjis_2004 sjisx0213
    strk1048_2002 thai tis620 tis_620 tis_620_0 tis_620_2529_0 tis_620_2529_1 u16 u32 u7 u8 u_jis uhc
    ujis unicode_1_1_utf_7 unicodebigunmarked unicodelittleunmarked us us_ascii utf utf16 utf32 utf7
    utf8 utf8_ucs2 utf8_ucs4 utf_16 utf_16_be utf_16_le utf_16be utf_16le utf_32 utf_32_be utf_32_le
    utf_32be utf_32le utf_7 utf_8 utf_8_sig windows_1250 windows_1251 windows_1252 windows_1253
    windows_1254 windows_1255 windows_1256 windows_1257 windows_1258 windows_31j x_mac_japanese
    x_mac_korean x_mac_simp_chinese x_mac_trad_chinese
    """

  /// One pass over the file (eight bytes at a time while they are ASCII and not 0): reports the
  /// first null byte (CPython refuses them anywhere; the lexer keeps going and makes error tokens
  /// of those outside strings and comments) and, when `checkingUTF8`, the first byte that is not
  /// valid UTF-8, with CPython's decoder message.
  private mutating func checkBytes(checkingUTF8: Bool) {
    var checkingUTF8 = checkingUTF8
    var checkingNulls = true
    var index = 0
    while index < end && (checkingUTF8 || checkingNulls) {
      if index + 16 <= end {
        let first = word(at: index)
        let second = word(at: index + 8)
        var flagged = ((first &- LexerWordScan.ones) & ~first) | ((second &- LexerWordScan.ones) & ~second)
        if checkingUTF8 { flagged |= first | second }
        if flagged & LexerWordScan.highBits == 0 {
          index += 16
          continue
        }
      }
      let byte = bytes[index]
      if byte == 0 && checkingNulls {
        report("source code cannot contain null bytes", from: index, to: index + 1)
        checkingNulls = false
      }
      guard byte >= 0x80 && checkingUTF8 else {
        index += 1
        continue
      }
      let length = utf8SequenceLength(at: index)
      if length > 0 {
        index += length
        continue
      }
      reportInvalidUTF8(at: index)
      checkingUTF8 = false
      index += 1
    }
  }

  private mutating func reportInvalidUTF8(at index: Int) {
    let byte = bytes[index]
    let reason: String
    if byte < 0xC2 || byte > 0xF4 {
      reason = "invalid start byte"
    } else if index + 1 >= end || (index + 2 >= end && byte >= 0xE0) || (index + 3 >= end && byte >= 0xF0) {
      reason = "unexpected end of data"
    } else {
      reason = "invalid continuation byte"
    }
    let hex = String(byte, radix: 16)
    let column = index - Int(source.lineStarts[line(of: index) - 1])
    report(
      "(unicode error) 'utf-8' codec can't decode byte 0x\(hex) in position \(column): \(reason)",
      from: index, to: index + 1)
  }
}
