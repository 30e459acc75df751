import PythonSyntax
import Semantics
import XCTest

/// The first test that spares resolving every called name: it must never reject a callee that
/// `match(_:in:)` accepts.
final class CalleeFilterTests: XCTestCase {
  private let names: QualifiedNameSet = ["asyncio.run"]

  private func verdicts(_ s: Snippet) -> [String] {
    let filter = CalleeFilter(names, in: s.model)
    return s.nodes(.call).compactMap(CallSyntax.init).map { call in
      let callee = call.callee
      let matches = s.model.matches(callee, names)
      XCTAssertTrue(!matches || filter.mayMatch(callee), "\(callee.text) matches but is filtered out")
      return "\(callee.text):\(filter.mayMatch(callee) ? "maybe" : "no")"
    }
  }

  func testNamesBoundByImportsOfTheSetPass() {
    let s = Snippet(
      """
      import asyncio
      from uasyncio import run as go
      from asyncio import sleep
      go(main())
      asyncio.run(main())
      sleep(1)
      run(main())
      """)
    XCTAssertEqual(
      verdicts(s),
      ["go:maybe", "main:no", "asyncio.run:maybe", "main:no", "sleep:no", "run:no", "main:no"])
  }

  func testAWildcardImportLetsEveryNamePass() {
    let s = Snippet(
      """
      from asyncio import *
      run(main())
      """)
    XCTAssertEqual(verdicts(s), ["run:maybe", "main:maybe"])
  }
}
