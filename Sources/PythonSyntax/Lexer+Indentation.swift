extension Lexer {
  /// Looks at the indentation of a new physical line outside brackets, as CPython's tokenizer
  /// does at the beginning of a line.
  ///
  /// Returns false after skipping a blank or comment-only line (it is trivia and does not affect
  /// indentation; the caller loops to the next line). Returns true when a token follows, after
  /// emitting the zero-width INDENT or DEDENTs it implies; these sit where the leading trivia of
  /// that token starts, right after the previous NEWLINE.
  mutating func beginLine() -> Bool {
    var column = 0
    var alternateColumn = 0
    // A backslash continuation inside the indentation: the first one after some indentation
    // fixes the line's column; one at column 0 does not, and counting goes on over the next
    // physical line (CPython keeps `cont_line_col` as an int whose 0 means "not set", so
    // `\\⏎  y` is indented by 2 and `  \\⏎y` by 2 as well).
    var continuationColumn: Int? = nil
    scan: while position < end {
      switch bytes[position] {
      case UInt8(ascii: " "):
        let count = skipSpaces()
        column += count
        alternateColumn += count
      case UInt8(ascii: "\t"):
        column = (column / 8 + 1) * 8
        alternateColumn += 1
        position += 1
      case 0x0C:
        column = 0
        alternateColumn = 0
        position += 1
      case UInt8(ascii: "\\"):
        let length = lineBreakLength(at: position + 1)
        guard length > 0 else { break scan }
        if continuationColumn == nil && column > 0 { continuationColumn = column }
        position += 1 + length
      default:
        break scan
      }
    }
    guard position < end else {
      atLineStart = false
      return true
    }
    switch bytes[position] {
    case UInt8(ascii: "#"):
      skipComment()
      position += lineBreakLength(at: position)
      return false
    case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
      position += lineBreakLength(at: position)
      return false
    default:
      break
    }
    atLineStart = false
    if let continuationColumn {
      column = continuationColumn
      alternateColumn = continuationColumn
    }
    // Most lines stay at the current level.
    if column != indentColumns[indentColumns.count - 1]
      || alternateColumn != alternateIndentColumns[alternateIndentColumns.count - 1]
    {
      applyIndentation(column: column, alternateColumn: alternateColumn)
    }
    return true
  }

  /// Compares a logical line's column with the indentation stack and emits INDENT or DEDENTs.
  @inline(never)
  private mutating func applyIndentation(column: Int, alternateColumn: Int) {
    let current = indentColumns[indentColumns.count - 1]
    if column == current {
      if alternateColumn != alternateIndentColumns[alternateIndentColumns.count - 1] {
        reportInconsistentTabs()
      }
    } else if column > current {
      if alternateColumn <= alternateIndentColumns[alternateIndentColumns.count - 1] {
        reportInconsistentTabs()
      }
      // CPython's tokenizer holds 100 levels (MAXINDENT) and refuses the 100th indent. The
      // stack still grows here, so the tree keeps the file's structure past the error.
      if indentColumns.count == Self.maximumIndentationLevel {
        var lineStart = position
        while lineStart > 0 && bytes[lineStart - 1] != UInt8(ascii: "\n") && bytes[lineStart - 1] != UInt8(ascii: "\r") {
          lineStart -= 1
        }
        report("too many levels of indentation", from: lineStart)
      }
      indentColumns.append(column)
      alternateIndentColumns.append(alternateColumn)
      emitLayout(.indent, from: leadingStart, to: leadingStart)
    } else {
      while indentColumns.count > 1 && column < indentColumns[indentColumns.count - 1] {
        indentColumns.removeLast()
        alternateIndentColumns.removeLast()
        emitLayout(.dedent, from: leadingStart, to: leadingStart)
      }
      if column != indentColumns[indentColumns.count - 1] {
        report("unindent does not match any outer indentation level", from: position)
      } else if alternateColumn != alternateIndentColumns[alternateIndentColumns.count - 1] {
        reportInconsistentTabs()
      }
    }
  }

  /// The first indentation level CPython refuses (its `MAXINDENT` is 100, counting level 0).
  static let maximumIndentationLevel = 100

  private mutating func reportInconsistentTabs() {
    report("inconsistent use of tabs and spaces in indentation", from: position)
  }
}
