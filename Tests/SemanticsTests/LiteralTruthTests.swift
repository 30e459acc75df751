import PythonSyntax
import Semantics
import XCTest

/// `SyntaxNode.literalTruth`: the one truth test of literals, shared by AF103 (`while True`),
/// AF106's walk, `ExitAnalysis` and AF109's keyword exemptions.
final class LiteralTruthTests: XCTestCase {
  private func truth(_ expression: String) -> Bool? {
    let s = Snippet("x = \(expression)\n")
    guard let value = s.nodes(.assignment).first.flatMap(AssignmentSyntax.init)?.value else {
      XCTFail("no assignment")
      return nil
    }
    return value.literalTruth
  }

  func testLiterals() {
    for expression in ["True", "...", "1", "0x10", "1.5", "1e3", "'x'", "b\"x\"", "(True)", "((2))"] {
      XCTAssertEqual(truth(expression), true, expression)
    }
    for expression in ["False", "None", "0", "0.0", "0_0", "''", "b''", "\"\"\"\"\"\"", "(0)"] {
      XCTAssertEqual(truth(expression), false, expression)
    }
  }

  func testAnythingElseIsUnknown() {
    for expression in ["1j", "'a' 'b'", "flag", "not 0", "-1", "f''", "[]", "f()"] {
      XCTAssertNil(truth(expression), expression)
    }
  }
}
