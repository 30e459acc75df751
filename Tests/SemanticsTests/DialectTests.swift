import PythonSyntax
import Semantics
import XCTest

/// `target = auto`: MicroPython evidence, one trigger at a time.
final class DialectTests: XCTestCase {
  private func dialect(_ source: String, _ setting: TargetSetting = .auto) -> Dialect {
    detectDialect(Snippet(source).model, setting: setting)
  }

  func testEachMicroPythonModuleTriggers() {
    for module in ["uasyncio", "utime", "machine", "pyb", "micropython", "rp2", "esp32", "network", "csi", "sensor"] {
      XCTAssertEqual(dialect("import \(module)\n"), .micropython, module)
      XCTAssertEqual(dialect("from \(module) import thing\n"), .micropython, module)
      XCTAssertEqual(dialect("import \(module) as alias\n"), .micropython, module)
    }
    XCTAssertEqual(dialect("import machine.Pin\n"), .micropython)
    XCTAssertEqual(dialect("def f():\n    import machine\n"), .micropython)
  }

  func testMicroPythonNamesTrigger() {
    XCTAssertEqual(dialect("import asyncio\nasync def f():\n    await asyncio.sleep_ms(5)\n"), .micropython)
    XCTAssertEqual(dialect("import asyncio\nflag = asyncio.ThreadSafeFlag()\n"), .micropython)
    XCTAssertEqual(dialect("from asyncio import ThreadSafeFlag\n"), .micropython)
    XCTAssertEqual(dialect("from asyncio import *\nsleep_ms(5)\n"), .micropython)
    XCTAssertEqual(dialect("import time\ntime.sleep_ms(5)\n"), .micropython)
  }

  func testCPythonByDefault() {
    XCTAssertEqual(dialect("import asyncio\nimport time\nasync def f():\n    await asyncio.sleep(1)\n"), .cpython)
    XCTAssertEqual(dialect(""), .cpython)
    XCTAssertEqual(dialect("from .machine import x\n"), .cpython)  // a package's own module
    XCTAssertEqual(dialect("import machinery\nx = 'sleep_ms'  # sleep_ms\n"), .cpython)
    // A shim the file defines itself is no evidence.
    XCTAssertEqual(dialect("import time\ndef sleep_ms(ms):\n    time.sleep(ms / 1000)\nsleep_ms(5)\n"), .cpython)
  }

  func testExplicitSettingWins() {
    XCTAssertEqual(dialect("import machine\n", .cpython), .cpython)
    XCTAssertEqual(dialect("import asyncio\n", .micropython), .micropython)
    XCTAssertEqual(TargetSetting(rawValue: "auto"), .auto)
    XCTAssertEqual(TargetSetting.allCases.map(\.rawValue), ["auto", "micropython", "cpython"])
  }

  func testEvidencePointsAtTheTrigger() {
    let s = Snippet("import asyncio\nimport os\nfrom machine import Pin\n")
    XCTAssertEqual(s.model.micropythonEvidence?.text, "Pin")
    XCTAssertEqual(s.model.micropythonEvidence?.kind, .importAlias)
  }
}
