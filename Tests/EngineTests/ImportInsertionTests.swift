import PythonSyntax
import XCTest

@testable import Engine

final class ImportInsertionTests: XCTestCase {
  /// Inserts `import asyncio` into `input` and checks the result is `expected` and still parses
  /// as well as the input did.
  private func assertInsertion(
    _ input: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line
  ) {
    let tree = parseChecked(Array(input.utf8), file: file, line: line)
    let edit = ImportInsertion.insert("import asyncio", into: tree)
    XCTAssertTrue(edit.isInsertion, file: file, line: line)
    let output = Edit.apply([edit], to: tree.source.bytes)
    XCTAssertEqual(String(decoding: output, as: UTF8.self), expected, file: file, line: line)
    let fixed = parseChecked(output, file: file, line: line)
    if tree.isValid {
      XCTAssertEqual(fixed.diagnostics, [], "the result parses", file: file, line: line)
    }
  }

  func testEmptyAndCodeOnlyFiles() {
    assertInsertion("", "import asyncio\n")
    assertInsertion("x = 1\n", "import asyncio\nx = 1\n")
    assertInsertion("x = 1", "import asyncio\nx = 1")
    assertInsertion("\n\nx = 1\n", "import asyncio\n\n\nx = 1\n")
  }

  func testAfterTheDocstring() {
    assertInsertion("\"\"\"Doc.\"\"\"\nx = 1\n", "\"\"\"Doc.\"\"\"\nimport asyncio\nx = 1\n")
    assertInsertion("\"\"\"Doc.\"\"\"", "\"\"\"Doc.\"\"\"\nimport asyncio")
    assertInsertion("\"\"\"Doc.\"\"\"\n", "\"\"\"Doc.\"\"\"\nimport asyncio\n")
    assertInsertion(
      "'''Multi\nline.'''\n\ndef f():\n    pass\n", "'''Multi\nline.'''\nimport asyncio\n\ndef f():\n    pass\n")
    assertInsertion("x = 1\n\"\"\"Not a docstring.\"\"\"\n", "import asyncio\nx = 1\n\"\"\"Not a docstring.\"\"\"\n")
  }

  func testAfterTheLastTopOfFileImport() {
    assertInsertion(
      """
      \"\"\"Doc.\"\"\"
      from __future__ import annotations
      import os
      # a comment between imports

      from time import sleep  # trailing

      x = 1
      import late

      """,
      """
      \"\"\"Doc.\"\"\"
      from __future__ import annotations
      import os
      # a comment between imports

      from time import sleep  # trailing
      import asyncio

      x = 1
      import late

      """)
    assertInsertion("from a import (\n    b,\n    c,\n)\nx = 1\n", "from a import (\n    b,\n    c,\n)\nimport asyncio\nx = 1\n")
    assertInsertion("import a, \\\n    b\nx = 1\n", "import a, \\\n    b\nimport asyncio\nx = 1\n")
    assertInsertion("import os; x = 1\nimport sys\n", "import os; x = 1\nimport asyncio\nimport sys\n")
  }

  func testOneLineConditionalImportsAreNotTopOfFileImports() {
    assertInsertion("import os\nif x: import y\nimport z\n", "import os\nimport asyncio\nif x: import y\nimport z\n")
  }

  func testTryImportBlocksCountAsImports() {
    assertInsertion(
      "try:\n    import utime as time\nexcept ImportError:\n    import time\nimport machine\nx = 1\n",
      "try:\n    import utime as time\nexcept ImportError:\n    import time\nimport machine\nimport asyncio\nx = 1\n")
    assertInsertion(
      "import os\ntry:\n    import ujson as json\nexcept ImportError:\n    json = None\n\nx = 1\n",
      "import os\ntry:\n    import ujson as json\nexcept ImportError:\n    json = None\nimport asyncio\n\nx = 1\n")
    assertInsertion(
      "import os\ntry:\n    x = load()\nexcept ImportError:\n    pass\n",
      "import os\nimport asyncio\ntry:\n    x = load()\nexcept ImportError:\n    pass\n")
    assertInsertion(
      "try:\n    import a\nexcept ImportError:\n    if b:\n        c = 1\n",
      "import asyncio\ntry:\n    import a\nexcept ImportError:\n    if b:\n        c = 1\n")
  }

  func testTheFilesLineBreaks() {
    assertInsertion("import os\r\nx = 1\r\n", "import os\r\nimport asyncio\r\nx = 1\r\n")
    assertInsertion("import os\rx = 1\r", "import os\rimport asyncio\rx = 1\r")
    assertInsertion("x = 1\r\n", "import asyncio\r\nx = 1\r\n")
    assertInsertion("import os\r\nimport sys", "import os\r\nimport sys\r\nimport asyncio")
    assertInsertion("import os", "import os\nimport asyncio")
    assertInsertion("import os  # no final newline", "import os  # no final newline\nimport asyncio")
  }

  func testAfterTheHeaderWhenThereIsNoDocstringOrImport() {
    assertInsertion(
      "#!/usr/bin/env python\n# -*- coding: utf-8 -*-\nx = 1\n",
      "#!/usr/bin/env python\n# -*- coding: utf-8 -*-\nimport asyncio\nx = 1\n")
    assertInsertion("# coding=latin-1\nx = 1\n", "# coding=latin-1\nimport asyncio\nx = 1\n")
    assertInsertion(
      "#!/usr/bin/env micropython\n# main loop\nwhile True:\n    pass\n",
      "#!/usr/bin/env micropython\nimport asyncio\n# main loop\nwhile True:\n    pass\n")
    assertInsertion(
      "# Copyright 2025\n# MIT licence\n\n# main loop\nx = 1\n",
      "# Copyright 2025\n# MIT licence\nimport asyncio\n\n# main loop\nx = 1\n")
    assertInsertion("#!/usr/bin/env python", "#!/usr/bin/env python\nimport asyncio")
    assertInsertion("# only a comment\n", "# only a comment\nimport asyncio\n")
    assertInsertion("\u{FEFF}x = 1\n", "\u{FEFF}import asyncio\nx = 1\n")
    assertInsertion("#!/bin/python\r\nx = 1\r\n", "#!/bin/python\r\nimport asyncio\r\nx = 1\r\n")
    assertInsertion(
      "#!/usr/bin/env python\n\"\"\"Doc.\"\"\"\nimport os\n", "#!/usr/bin/env python\n\"\"\"Doc.\"\"\"\nimport os\nimport asyncio\n")
  }
}

final class IndentationTests: XCTestCase {
  private func block(_ kind: NodeKind, in tree: SyntaxTree, file: StaticString = #filePath, line: UInt = #line)
    -> BlockSyntax?
  {
    let node = tree.root.descendantsAndSelf.first { $0.kind == kind }
    let block = node?.child(.block).flatMap(BlockSyntax.init)
    XCTAssertNotNil(block, "no \(kind) block", file: file, line: line)
    return block
  }

  private func apply(_ edit: Edit?, _ tree: SyntaxTree, file: StaticString = #filePath, line: UInt = #line) -> String? {
    guard let edit else { return nil }
    let output = Edit.apply([edit], to: tree.source.bytes)
    let fixed = parseChecked(output, file: file, line: line)
    XCTAssertEqual(fixed.diagnostics, [], String(decoding: output, as: UTF8.self), file: file, line: line)
    return String(decoding: output, as: UTF8.self)
  }

  private func atStart(_ input: String, _ statement: String = "await asyncio.sleep_ms(0)", of kind: NodeKind = .whileStatement) -> String? {
    let tree = parseChecked(input)
    return block(kind, in: tree).flatMap { apply(Indentation.insertion(statement, atStartOf: $0), tree) }
  }

  private func atEnd(_ input: String, _ statement: String = "raise", of kind: NodeKind = .whileStatement) -> String? {
    let tree = parseChecked(input)
    return block(kind, in: tree).flatMap { apply(Indentation.insertion(statement, atEndOf: $0), tree) }
  }

  func testNewlineStyleComesFromTheFirstLineBreak() {
    XCTAssertEqual(NewlineStyle.detect(in: Array("a\r\nb\n".utf8)), .crlf)
    XCTAssertEqual(NewlineStyle.detect(in: Array("a\rb\r\n".utf8)), .cr)
    XCTAssertEqual(NewlineStyle.detect(in: Array("a\nb\r\n".utf8)), .lf)
    XCTAssertEqual(NewlineStyle.detect(in: Array("a".utf8)), .lf)
    XCTAssertEqual(NewlineStyle.detect(in: Array("a\r".utf8)), .cr)
  }

  func testStartOfAnIndentedBlock() {
    XCTAssertEqual(
      atStart("async def f():\n    while True:\n        # poll\n        x()\n"),
      "async def f():\n    while True:\n        await asyncio.sleep_ms(0)\n        # poll\n        x()\n")
    XCTAssertEqual(atStart("while 1:\n\tx()\n"), "while 1:\n\tawait asyncio.sleep_ms(0)\n\tx()\n")
    XCTAssertEqual(atStart("while 1:  # spin\r\n  x()\r\n"), "while 1:  # spin\r\n  await asyncio.sleep_ms(0)\r\n  x()\r\n")
    XCTAssertEqual(atStart("while 1:\r   x()"), "while 1:\r   await asyncio.sleep_ms(0)\r   x()")
  }

  func testEndOfAnIndentedBlock() {
    XCTAssertEqual(
      atEnd("while 1:\n    if a:\n        b()\n    c()\n# tail\n"), "while 1:\n    if a:\n        b()\n    c()\n    raise\n# tail\n")
    XCTAssertEqual(
      atEnd("while 1:\n    if a:\n        b()\n\nx = 1\n"), "while 1:\n    if a:\n        b()\n    raise\n\nx = 1\n")
    XCTAssertEqual(atEnd("while 1:\n    x()"), "while 1:\n    x()\n    raise")
    XCTAssertEqual(atEnd("while 1:\r\n\t\tx()\r\nelse:\r\n\t\ty()\r\n"), "while 1:\r\n\t\tx()\r\n\t\traise\r\nelse:\r\n\t\ty()\r\n")
  }

  func testOneLineBodies() {
    XCTAssertEqual(atStart("while 1: x()\n"), "while 1: await asyncio.sleep_ms(0); x()\n")
    XCTAssertEqual(atEnd("while 1: x(); y()  # c\n"), "while 1: x(); y(); raise  # c\n")
    XCTAssertNil(atStart("while 1: x()\n", "if a:\n    b()"), "a multi-line statement cannot join a one-line body")
  }

  func testBeforeAClauseWithSeveralLines() {
    let tree = parseChecked("async def f():\n    try:\n        await g()\n    except Exception:\n        pass\n")
    let clause = tree.root.descendantsAndSelf.first { $0.kind == .exceptClause }!
    XCTAssertEqual(
      apply(Indentation.insertion("except asyncio.CancelledError:\n    raise", before: clause), tree),
      "async def f():\n    try:\n        await g()\n    except asyncio.CancelledError:\n        raise\n"
        + "    except Exception:\n        pass\n")
    let semicolon = parseChecked("a = 1; b = 2\n")
    XCTAssertNil(Indentation.insertion("c = 3", before: semicolon.root.child(at: 1)!), "b does not start its line")
    XCTAssertEqual(Indentation.text(of: block(.whileStatement, in: parseChecked("while 1:\n \t x()\n"))!), Array(" \t ".utf8))
  }
}
