import Engine
import PythonSyntax
import Transforms
import XCTest

final class RuleRunnerTests: XCTestCase {
  func testRegistryMatchesTheCatalogue() {
    let catalogue = Dictionary(uniqueKeysWithValues: RuleCatalog.all.map { ($0.code, $0) })
    var codes: Set<String> = []
    for rule in RuleRegistry.descriptions {
      XCTAssertTrue(codes.insert(rule.code).inserted, "\(rule.code) registered twice")
      XCTAssertEqual(catalogue[rule.code], rule.identity, "\(rule.code) as in RuleCatalog")
      XCTAssertNotNil(RuleRegistry.rule(code: rule.code))
      XCTAssertFalse(rule.summary.isEmpty)
      XCTAssertFalse(rule.rationale.isEmpty)
    }
    XCTAssertEqual(
      RuleRegistry.descriptions.map(\.code),
      ["AF101", "AF102", "AF109", "AF103", "AF104", "AF105", "AF106", "AF107", "AF108"])
    XCTAssertNil(RuleRegistry.rule(code: "AF999"))
  }

  private let source = """
    import machine
    import time

    async def f(x):
        time.sleep(1)
        while True:
            x.poll()
        def g(:
            pass

    """

  func testSelectionIsHonoured() throws {
    let tree = SyntaxTree.parse(source)
    func codes(_ select: [String]) throws -> [String] {
      let settings = Settings(selection: try CodeSelection(select: select, ignore: []))
      // Without repeats: the parser may report the broken line more than once.
      return RuleRunner.findings(in: tree, path: "t.py", settings: settings).map(\.code).reduce(into: []) {
        if $0.last != $1 { $0.append($1) }
      }
    }
    XCTAssertEqual(try codes(["AF"]), ["AF102", "AF103", "AF001"])
    XCTAssertEqual(try codes(["AF102"]), ["AF102"])
    XCTAssertEqual(try codes(["AF103"]), ["AF103"])
    XCTAssertEqual(try codes(["AF001"]), ["AF001"])
  }

  func testFindingsAreSortedAndCarryThePath() {
    let findings = RuleRunner.findings(in: SyntaxTree.parse(source), path: "app/main.py", settings: Settings())
    XCTAssertEqual(findings.map(\.start.line).prefix(3), [5, 6, 8])
    XCTAssertEqual(findings.map(\.range.lowerBound), findings.map(\.range.lowerBound).sorted())
    XCTAssertTrue(findings.allSatisfy { $0.path == "app/main.py" })
  }

  func testRulesRunOnWhatParsed() {
    let findings = RuleRunner.findings(
      in: SyntaxTree.parse("import time\nasync def f():\n    time.sleep(1)\n    x = (\n"), path: "t.py",
      settings: Settings())
    XCTAssertEqual(Set(findings.map(\.code)), ["AF001", "AF102"])
  }

  func testEmptyAndTrivialFiles() {
    for text in ["", "\n", "# comment\n", "x = 1"] {
      XCTAssertEqual(RuleRunner.findings(in: SyntaxTree.parse(text), path: "t.py", settings: Settings()), [])
    }
  }

  func testDeepNestingDoesNotCrash() {
    let deep =
      "async def f():\n" + (0..<150).map { String(repeating: " ", count: 4 * ($0 + 1)) + "while x:\n" }.joined()
      + String(repeating: " ", count: 604) + "pass\n"
    let findings = RuleRunner.findings(in: SyntaxTree.parse(deep), path: "t.py", settings: Settings())
    XCTAssertFalse(findings.isEmpty)
  }
}
