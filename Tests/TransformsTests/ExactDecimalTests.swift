import PythonSyntax
import Semantics
import XCTest

final class ExactDecimalTests: XCTestCase {
  private func value(_ literal: String) -> ExactDecimal? { ExactDecimal(literal: literal) }

  func testParsesDecimalLiteralsExactly() {
    XCTAssertEqual(value("0.2")?.description, "0.2")
    XCTAssertEqual(value("1_000")?.description, "1000")
    XCTAssertEqual(value(".5")?.description, "0.5")
    XCTAssertEqual(value("5.")?.description, "5")
    XCTAssertEqual(value("1e-3")?.description, "0.001")
    XCTAssertEqual(value("1.5E+2")?.description, "150")
    XCTAssertEqual(value("1_0e1_0")?.description, "100000000000")
    XCTAssertEqual(value("000.000"), .zero)
    XCTAssertEqual(value("0.50"), value("0.5"), "normalised: equal values, equal representations")
  }

  func testRejectsWhatIsNotADecimalLiteral() {
    for text in ["", "abc", "1.2.3", "e5", "1e", "0x10", "1j", "1e99999"] {
      XCTAssertNil(value(text), text)
    }
  }

  func testScalingToMillisecondsIsExact() {
    XCTAssertEqual(value("0.2")?.scaled(byPowerOfTen: 3).integerText(), "200")
    XCTAssertEqual(value("1.5")?.scaled(byPowerOfTen: 3).integerText(), "1500")
    XCTAssertEqual(value("0.001")?.scaled(byPowerOfTen: 3).integerText(), "1")
    XCTAssertNil(value("0.0001")?.scaled(byPowerOfTen: 3).integerText(), "0.1 ms is not whole")
    XCTAssertEqual(value("0")?.scaled(byPowerOfTen: 3).integerText(), "0")
    XCTAssertEqual(value("1e7")?.scaled(byPowerOfTen: 3).integerText(), "10000000000")
    XCTAssertNil(value("1e7")?.scaled(byPowerOfTen: 3).integerText(maximumDigits: 9))
    XCTAssertEqual(value("7500")?.scaled(byPowerOfTen: -6).description, "0.0075")
  }

  func testComparesByValue() throws {
    let five = try XCTUnwrap(value("5"))
    XCTAssertLessThan(five, try XCTUnwrap(value("5.001")))
    XCTAssertFalse(five < (try XCTUnwrap(value("5.000"))))
    XCTAssertLessThan(ExactDecimal.zero, try XCTUnwrap(value("0.001")))
    XCTAssertLessThan(try XCTUnwrap(value("9.99")), try XCTUnwrap(value("10")))
    XCTAssertLessThan(ExactDecimal(5), try XCTUnwrap(value("50")))
    XCTAssertFalse(ExactDecimal.zero < ExactDecimal.zero)
  }

  func testConstantsOfEveryBase() {
    let tree = SyntaxTree.parse("x = [0x10, 0b101, 0o17, 1_000.5, 1j, 'a', 10]\n")
    let values = (0..<UInt32(tree.nodeCount)).compactMap { ConstantSyntax(tree.node($0)) }.map {
      $0.exactDecimalValue?.description ?? "nil"
    }
    XCTAssertEqual(values, ["16", "5", "15", "1000.5", "nil", "nil", "10"])
  }
}
