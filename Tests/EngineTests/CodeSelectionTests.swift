import Engine
import XCTest

final class CodeSelectionTests: XCTestCase {
  private let known = RuleCatalog.all.map(\.code)

  func testDefaultSelectsEveryKnownCode() throws {
    let selection = try CodeSelection(select: nil, ignore: [])
    XCTAssertEqual(selection.enabled, Set(known))
    XCTAssertEqual(CodeSelection.all, selection)
  }

  func testSelectByCodeAndByPrefix() throws {
    XCTAssertEqual(try CodeSelection(select: ["AF001"], ignore: []).enabled, ["AF001"])
    XCTAssertEqual(try CodeSelection(select: ["AF0"], ignore: []).enabled, ["AF001"])
    XCTAssertEqual(try CodeSelection(select: ["AF10"], ignore: []).enabled.count, 9)
    XCTAssertFalse(try CodeSelection(select: ["AF1"], ignore: []).isEnabled("AF001"))
    XCTAssertTrue(try CodeSelection(select: ["AF102", "AF0"], ignore: []).isEnabled("AF102"))
  }

  func testIgnoreAndSpecificity() throws {
    XCTAssertFalse(try CodeSelection(select: nil, ignore: ["AF001"]).isEnabled("AF001"))
    XCTAssertTrue(try CodeSelection(select: nil, ignore: ["AF001"]).isEnabled("AF101"))
    XCTAssertTrue(try CodeSelection(select: ["AF001"], ignore: ["AF"]).isEnabled("AF001"), "the longer selector wins")
    XCTAssertFalse(try CodeSelection(select: ["AF0"], ignore: ["AF001"]).isEnabled("AF001"))
    XCTAssertFalse(try CodeSelection(select: ["AF001"], ignore: ["AF001"]).isEnabled("AF001"), "ignore wins ties")
  }

  func testUnknownCodesAreErrors() {
    XCTAssertThrowsError(try CodeSelection(select: ["AF9"], ignore: [])) { error in
      XCTAssertEqual((error as? CodeSelection.UnknownCodeError)?.selector, "AF9")
    }
    XCTAssertThrowsError(try CodeSelection(select: nil, ignore: ["E501"]))
    XCTAssertThrowsError(try CodeSelection(select: ["af001"], ignore: []), "codes are upper case")
  }

  func testSelectorsSplitCommasAndDropBlanks() {
    XCTAssertEqual(CodeSelection.selectors(from: ["AF001,AF1", " AF102 ,", ""]), ["AF001", "AF1", "AF102"])
  }
}
