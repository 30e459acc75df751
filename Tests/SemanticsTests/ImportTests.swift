import PythonSyntax
import Semantics
import XCTest

/// Import records: what each form imports, binds and resolves to.
final class ImportTests: XCTestCase {
  /// Each record as `bound -> qualified`, in source order.
  private func summary(_ source: String) -> [String] {
    let s = Snippet(source)
    return s.model.imports.map { "\($0.boundName ?? "-") -> \($0.qualifiedName?.description ?? "-")" }
  }

  func testImportForms() {
    XCTAssertEqual(summary("import time\n"), ["time -> time"])
    XCTAssertEqual(summary("import utime as t\n"), ["t -> utime"])
    XCTAssertEqual(summary("import a.b.c\n"), ["a -> a"])
    XCTAssertEqual(summary("import a.b.c as d\n"), ["d -> a.b.c"])
    XCTAssertEqual(summary("import uasyncio as asyncio\n"), ["asyncio -> uasyncio"])
    XCTAssertEqual(
      summary("from time import sleep as nap, sleep_ms\n"), ["nap -> time.sleep", "sleep_ms -> time.sleep_ms"])
    XCTAssertEqual(
      summary("from machine import (Pin,\n    Timer)\n"), ["Pin -> machine.Pin", "Timer -> machine.Timer"])
    XCTAssertEqual(summary("from os import path as p\n"), ["p -> os.path"])
    XCTAssertEqual(summary("from machine import *\n"), ["- -> -"])
  }

  func testRelativeImportsKeepTheirLevel() {
    let s = Snippet(
      """
      from . import x
      from ..pkg import y as z
      from ...deep.mod import w
      """)
    let records = s.model.imports
    XCTAssertEqual(records.map(\.relativeLevel), [1, 2, 3])
    XCTAssertEqual(records.map(\.module), [nil, "pkg", "deep.mod"])
    XCTAssertEqual(records.map(\.name), ["x", "y", "w"])
    XCTAssertEqual(records.map { $0.qualifiedName?.description }, [".x", "..pkg.y", "...deep.mod.w"])
    XCTAssertEqual(records.map(\.moduleName.description), [".", "..pkg", "...deep.mod"])
    XCTAssertEqual(records[1].qualifiedName, QualifiedName(components: ["pkg", "y"], relativeLevel: 2))
    XCTAssertTrue(records.allSatisfy(\.isFrom))
    XCTAssertEqual(s.model.bindings(named: "z", in: .module).map(\.kind), [.import])
    XCTAssertEqual(s.model.bindings(named: "y", in: .module).map(\.kind), [])
  }

  func testRecordsPointAtTheirBindings() {
    let s = Snippet(
      """
      import a.b as ab, c
      from d import e
      print(ab, c, e)
      """)
    for name in ["ab", "c", "e"] {
      guard let binding = s.model.binding(of: s.name(name)) else { return XCTFail("no binding for \(name)") }
      XCTAssertEqual(binding.kind, .import)
      let record = s.model.importRecord(for: binding)
      XCTAssertEqual(record?.binding, binding.id)
      XCTAssertEqual(record?.boundName, name)
    }
    let first = s.model.imports[0]
    XCTAssertEqual(first.module, "a.b")
    XCTAssertEqual(first.asName, "ab")
    XCTAssertNil(first.name)
    XCTAssertFalse(first.isFrom)
    XCTAssertEqual(s.model.binding(madeBy: first.node)?.id, first.binding)
  }

  func testImportsInsideFunctionsBindLocally() {
    let s = Snippet(
      """
      def main():
          import uasyncio as asyncio
          asyncio.run(task())
      asyncio.run(task())
      """)
    XCTAssertEqual(s.resolution("asyncio", 0), "import@2")
    XCTAssertEqual(s.resolution("asyncio", 1), "unresolved")
    XCTAssertEqual(s.qualifiedNames(.attribute, "asyncio.run", 0), ["uasyncio.run"])
    XCTAssertEqual(s.qualifiedNames(.attribute, "asyncio.run", 1), [])
  }

  func testInvalidImportsDoNotCrash() {
    let s = Snippet("import\nfrom import x\nfrom . import\nimport a as\n", allowingErrors: true)
    XCTAssertTrue(s.model.imports.allSatisfy { $0.binding == nil || $0.boundName != nil })
  }
}
