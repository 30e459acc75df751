/// ANSI styling for the text report, or none.
///
/// Colour is decided once by the front end (`--color`, whether stdout is a terminal, `NO_COLOR`);
/// reporters only ask this value to wrap text, so their output without colour is plain bytes
/// that golden files can compare.
public struct TerminalStyle: Hashable, Sendable {
  public var isEnabled: Bool

  public init(isEnabled: Bool) {
    self.isEnabled = isEnabled
  }

  public static let plain = TerminalStyle(isEnabled: false)

  func bold(_ text: String) -> String { wrap(text, "1") }
  func boldRed(_ text: String) -> String { wrap(text, "1;31") }
  func boldBlue(_ text: String) -> String { wrap(text, "1;34") }
  func cyan(_ text: String) -> String { wrap(text, "36") }
  func boldGreen(_ text: String) -> String { wrap(text, "1;32") }

  private func wrap(_ text: String, _ code: String) -> String {
    isEnabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
