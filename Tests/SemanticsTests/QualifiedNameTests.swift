import PythonSyntax
import Semantics
import XCTest

/// Qualified names of names and attribute chains, canonicalisation and matching.
final class QualifiedNameTests: XCTestCase {
  func testAttributeChainsThroughEachImportForm() {
    let s = Snippet(
      """
      import time
      import utime as t
      from time import sleep as nap
      import machine
      import os.path
      time.sleep(1)
      t.sleep(1)
      nap(1)
      machine.Pin.irq
      os.path.join
      (t).sleep_ms(2)
      """)
    XCTAssertEqual(s.qualifiedNames(.attribute, "time.sleep"), ["time.sleep"])
    XCTAssertEqual(s.qualifiedNames(.attribute, "t.sleep"), ["utime.sleep"])
    XCTAssertEqual(s.model.qualifiedName(of: s.name("nap"))?.description, "time.sleep")
    XCTAssertEqual(s.qualifiedNames(.attribute, "machine.Pin.irq"), ["machine.Pin.irq"])
    XCTAssertEqual(s.qualifiedNames(.attribute, "machine.Pin", 1), ["machine.Pin"])
    XCTAssertEqual(s.qualifiedNames(.attribute, "os.path.join"), ["os.path.join"])
    XCTAssertEqual(s.qualifiedNames(.attribute, "(t).sleep_ms"), ["utime.sleep_ms"])
  }

  func testFallbackImportGivesEveryCandidate() {
    let s = Snippet(
      """
      try:
          import uasyncio as asyncio
      except ImportError:
          import asyncio
      async def main():
          await asyncio.sleep(1)
      """)
    XCTAssertEqual(s.qualifiedNames(.attribute, "asyncio.sleep"), ["uasyncio.sleep", "asyncio.sleep"])
    XCTAssertEqual(s.model.qualifiedName(of: s.node(.attribute, "asyncio.sleep"))?.description, "uasyncio.sleep")
    XCTAssertEqual(
      s.model.match(s.node(.attribute, "asyncio.sleep"), in: ["asyncio.sleep"])?.description, "asyncio.sleep")
  }

  func testShadowedNamesHaveNoQualifiedName() {
    let s = Snippet(
      """
      import time
      def a(time):
          time.sleep(1)
      def b():
          time = Clock()
          time.sleep(1)
      def c():
          time.sleep(1)
      """)
    XCTAssertEqual(s.qualifiedNames(.attribute, "time.sleep", 0), [])
    XCTAssertEqual(s.qualifiedNames(.attribute, "time.sleep", 1), [])
    XCTAssertEqual(s.qualifiedNames(.attribute, "time.sleep", 2), ["time.sleep"])
  }

  func testNonNameChainsAndLocalsHaveNone() {
    let s = Snippet(
      """
      import machine
      machine.Pin(2).irq
      def f(): pass
      f.attr
      x = 1
      x.real
      """)
    XCTAssertEqual(s.qualifiedNames(.attribute, "machine.Pin(2).irq"), [])
    XCTAssertEqual(s.qualifiedNames(.attribute, "f.attr"), [])
    XCTAssertEqual(s.qualifiedNames(.attribute, "x.real"), [])
    XCTAssertEqual(s.model.qualifiedNames(of: s.node(.call)), [])
  }

  func testBuiltinsAndWildcardImports() {
    let s = Snippet(
      """
      from machine import *
      input()
      Pin(2)
      __name__
      """)
    XCTAssertEqual(s.model.qualifiedNames(of: s.name("input")).map(\.description), ["builtins.input"])
    XCTAssertEqual(s.model.qualifiedNames(of: s.name("Pin")).map(\.description), ["machine.Pin"])
    XCTAssertEqual(s.model.qualifiedNames(of: s.name("__name__")), [])
  }

  func testCanonicalisationAndMatching() {
    XCTAssertEqual(QualifiedName("utime.sleep").canonical.description, "time.sleep")
    XCTAssertEqual(QualifiedName("uasyncio.Event").canonical.description, "asyncio.Event")
    XCTAssertEqual(QualifiedName("machine.Pin").canonical.description, "machine.Pin")
    XCTAssertEqual(QualifiedName("..utime.x").canonical.description, "..utime.x")
    XCTAssertTrue(QualifiedName("utime.sleep_ms").matches("time.sleep_ms"))
    XCTAssertEqual(ModuleAliases.canonical("uasyncio"), "asyncio")
    XCTAssertEqual(ModuleAliases.canonical("asyncio"), "asyncio")

    let s = Snippet(
      """
      import utime as t
      from uasyncio import sleep_ms as pause
      import pyb
      t.sleep(1)
      pause(5)
      pyb.delay(10)
      t.ticks_ms()
      """)
    let blocking: QualifiedNameSet = ["time.sleep", "pyb.delay"]
    XCTAssertEqual(s.model.match(s.node(.attribute, "t.sleep"), in: blocking)?.description, "time.sleep")
    XCTAssertTrue(s.model.matches(s.node(.attribute, "pyb.delay"), blocking))
    XCTAssertFalse(s.model.matches(s.node(.attribute, "t.ticks_ms"), blocking))
    XCTAssertTrue(s.model.matches(s.name("pause"), ["asyncio.sleep_ms"]))
    XCTAssertTrue(QualifiedNameSet(["uasyncio.sleep"]).contains(QualifiedName("asyncio.sleep")))
  }

  func testQualifiedNameParsingAndPrinting() {
    let name = QualifiedName("..pkg.mod")
    XCTAssertEqual(name.relativeLevel, 2)
    XCTAssertEqual(name.components, ["pkg", "mod"])
    XCTAssertTrue(name.isRelative)
    XCTAssertEqual(name.appending("f").description, "..pkg.mod.f")
    XCTAssertEqual(name.lastComponent, "mod")
  }
}
