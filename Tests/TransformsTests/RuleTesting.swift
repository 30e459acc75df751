import Engine
import Semantics
import PythonSyntax
import Transforms
import XCTest

/// Running the registered rules on snippets the way `check` and `fix` do: all rules, then the
/// engine's suppression comments.
enum RuleTesting {
  static func settings(target: TargetSetting = .auto, preciseDelayMilliseconds: Int = 5, unsafeFixes: Bool = false)
    -> Settings
  {
    Settings(target: target, unsafeFixes: unsafeFixes, preciseDelayMilliseconds: preciseDelayMilliseconds)
  }

  /// The unsuppressed findings of `source` (of `code` only, when given).
  static func findings(_ source: String, code: String? = nil, settings: Settings = settings(), path: String = "t.py")
    -> [Finding]
  {
    let tree = SyntaxTree.parse(SourceBuffer(Array(source.utf8)))
    let rules = RuleRunner.rules(path: path, settings: settings)
    return FixLoop.unsuppressedFindings(in: tree) { tree in rules(tree).filter { code == nil || $0.code == code } }
  }

  /// `fix` on `source` (fixes of `code` only, when given; the findings still come from every rule).
  static func fix(_ source: String, code: String? = nil, settings: Settings = settings(), path: String = "t.py")
    -> FixOutcome
  {
    let rules = RuleRunner.rules(path: path, settings: settings)
    return FixLoop.run(Array(source.utf8), mode: settings.unsafeFixes ? .safeAndUnsafe : .safe) { tree in
      rules(tree).filter { code == nil || $0.code == code }
    }
  }

  /// The fixed text of `source`.
  static func fixed(_ source: String, code: String? = nil, settings: Settings = settings()) -> String {
    String(decoding: fix(source, code: code, settings: settings).bytes, as: UTF8.self)
  }
}
