import XCTest

@testable import Semantics

/// The per-directory cache names every module as `ModulePath.importNames` does.
final class ImportNameCacheTests: XCTestCase {
  func testSameNamesAsImportNames() {
    let packages: Set<String> = ["/w/proj/pkg", "/w/proj/pkg/sub", "/w/other"]
    var asked: [String] = []
    let isPackage = { (directory: String) -> Bool in
      asked.append(directory)
      return packages.contains(directory)
    }
    var cache = ImportNameCache()
    let paths = [
      "/w/proj/pkg/sub/net.py", "/w/proj/pkg/sub/io.py", "/w/proj/pkg/__init__.py", "/w/proj/pkg/sub/__init__.py",
      "/w/proj/main.py", "/w/proj/tool.py", "/top.py", "/w/other/__init__.py", "/w/other/x.py",
    ]
    for path in paths {
      let module = ModulePath(path: path, currentDirectory: "/")
      XCTAssertEqual(
        cache.names(of: module, isPackageDirectory: isPackage), module.importNames { packages.contains($0) }, path)
    }
    // Each directory is asked about once, however many modules it holds.
    XCTAssertEqual(asked.count, Set(asked).count, "\(asked)")
    XCTAssertEqual(cache.names(of: ModulePath(components: [], isPackage: false), isPackageDirectory: isPackage), [])
  }

  /// Paths are split on bytes: `.`, `..`, repeated slashes, a relative path and non-ASCII names.
  func testNormalisedPaths() {
    XCTAssertEqual(ModulePath.normalised("a//b/./c/../é.py", currentDirectory: "/w/x/.."), ["w", "a", "b", "é.py"])
    XCTAssertEqual(ModulePath.normalised("/../..", currentDirectory: "/w"), [])
    XCTAssertEqual(ModulePath.normalised("/.hidden/..x/...", currentDirectory: "/"), [".hidden", "..x", "..."])
    XCTAssertEqual(ModulePath.normalised("", currentDirectory: "/w/"), ["w"])
  }
}
