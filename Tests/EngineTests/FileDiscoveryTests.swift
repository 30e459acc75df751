import XCTest

@testable import Engine

final class FileDiscoveryTests: XCTestCase {
  /// Discovered paths relative to `directory` (which is given as the root).
  private func discovered(in directory: TemporaryDirectory, _ paths: [String]? = nil) -> [String] {
    FileDiscovery.discover(paths ?? [directory.path]).map { file in
      XCTAssertNil(file.error, "unexpected error for \(file.path)")
      return String(file.path.dropFirst(directory.path.count + 1))
    }
  }

  func testWalksPythonFilesSortedAndSkipsStubsAndOtherFiles() throws {
    let directory = try TemporaryDirectory()
    try directory.write("b.py")
    try directory.write("a.py")
    try directory.write("pkg/z.py")
    try directory.write("pkg/a.py")
    try directory.write("types.pyi")
    try directory.write("notes.txt")
    try directory.write("pkg/data.json", "{}")
    XCTAssertEqual(discovered(in: directory), ["a.py", "b.py", "pkg/a.py", "pkg/z.py"])
  }

  func testSkipsDefaultExcludedDirectories() throws {
    let directory = try TemporaryDirectory()
    for name in [".git", ".venv", "__pycache__", "build", "node_modules", "pkg/build", "pkg/.git"] {
      try directory.write("\(name)/inside.py")
    }
    try directory.write("pkg/builder.py")
    try directory.write("buildtools/tool.py")
    XCTAssertEqual(discovered(in: directory), ["buildtools/tool.py", "pkg/builder.py"])
  }

  func testHonoursGitignorePatterns() throws {
    let directory = try TemporaryDirectory()
    try directory.write(
      ".gitignore",
      """
      # generated code
      gen_*.py
      !gen_keep.py
      /top_only.py
      logs/
      **/deep/*.py
      secret?.py
      data[0-9].py
      \\#hash.py
      trailing.py   \n
      """)
    for path in [
      "gen_a.py", "pkg/gen_b.py", "gen_keep.py", "top_only.py", "pkg/top_only.py", "logs/x.py", "pkg/logs/y.py",
      "deep/a.py", "x/deep/b.py", "x/deep/more/c.py", "secret1.py", "secret12.py", "data5.py", "dataX.py",
      "#hash.py", "trailing.py", "main.py",
    ] {
      try directory.write(path)
    }
    XCTAssertEqual(
      discovered(in: directory),
      ["dataX.py", "gen_keep.py", "main.py", "pkg/top_only.py", "secret12.py", "x/deep/more/c.py"])
  }

  func testNestedGitignoreAppliesBelowItsDirectoryAndOverridesOuterOnes() throws {
    let directory = try TemporaryDirectory()
    try directory.write(".gitignore", "*.py\n!keep/\n!keep/*.py\n")
    try directory.write("dropped.py")
    try directory.write("keep/kept.py")
    try directory.write("keep/local.py")
    try directory.write("keep/.gitignore", "local.py\nsub/*.py\n")
    try directory.write("keep/sub/x.py")
    try directory.write("other/local.py")
    // `other/` is not ignored (only *.py files are), but its file is.
    XCTAssertEqual(discovered(in: directory), ["keep/kept.py"])
  }

  func testDirectoryPatternDoesNotMatchFilesAndDoubleStarForms() throws {
    let directory = try TemporaryDirectory()
    try directory.write(".gitignore", "cache/\nvendor/**\na/**/b.py\n")
    try directory.write("cache")  // a file named like the directory pattern stays (not a .py anyway)
    try directory.write("cache.py")
    try directory.write("pkg/cache/x.py")
    try directory.write("vendor/lib/x.py")
    try directory.write("a/b.py")
    try directory.write("a/one/two/b.py")
    try directory.write("a/c.py")
    XCTAssertEqual(discovered(in: directory), ["a/c.py", "cache.py"])
  }

  func testExplicitFilesAreAlwaysCheckedEvenWhenIgnoredOrNotPython() throws {
    let directory = try TemporaryDirectory()
    try directory.write(".gitignore", "ignored.py\n")
    let ignored = try directory.write("ignored.py")
    let stub = try directory.write("stub.pyi")
    let text = try directory.write("script")
    let excluded = try directory.write("build/inside.py")
    let files = FileDiscovery.discover([text, stub, ignored, excluded, ignored])
    XCTAssertEqual(files.map(\.path), [excluded, ignored, text, stub].sorted())
    XCTAssertTrue(files.allSatisfy { $0.error == nil })
  }

  func testMissingPathIsAnErrorAndOthersAreStillFound() throws {
    let directory = try TemporaryDirectory()
    try directory.write("a.py")
    let missing = directory.path + "/missing.py"
    let files = FileDiscovery.discover([missing, directory.path])
    XCTAssertEqual(files.map(\.path), [directory.path + "/a.py", missing])
    XCTAssertEqual(files[1].error, FileError(path: missing, reason: .notFound))
    XCTAssertNil(files[0].error)
  }

  func testSymlinkLoopsAreSafeAndFileLinksAreFollowed() throws {
    let directory = try TemporaryDirectory()
    try directory.write("pkg/mod.py")
    try directory.symlink("pkg/loop", to: directory.path)
    try directory.symlink("pkg/self", to: ".")
    try directory.symlink("link.py", to: "pkg/mod.py")
    try directory.symlink("dangling.py", to: "nowhere.py")
    // link.py and pkg/mod.py are one file: it is checked once, under the first path.
    XCTAssertEqual(discovered(in: directory), ["link.py"])
    // A link to a directory given explicitly is walked.
    let viaLink = FileDiscovery.discover([directory.path + "/pkg/loop"]).map(\.path)
    XCTAssertEqual(viaLink, [directory.path + "/pkg/loop/link.py"])
  }

  func testOneFileReachedByTwoPathsIsFoundOnce() throws {
    let directory = try TemporaryDirectory()
    try directory.write("b.py")
    try directory.write("d/a.py")
    try directory.symlink("link.py", to: "b.py")
    let previous = FileManager.default.currentDirectoryPath
    XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(directory.path))
    defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
    XCTAssertEqual(FileDiscovery.discover(["."]).map(\.path), ["b.py", "d/a.py"])
    XCTAssertEqual(FileDiscovery.discover(["link.py", "b.py", "./b.py"]).map(\.path), ["./b.py"])
    XCTAssertEqual(
      FileDiscovery.discover(["d/a.py", "./d/a.py", "d", directory.path + "/d/a.py"]).map(\.path),
      ["./d/a.py"])
    // Missing paths are still reported, each once.
    let missing = FileDiscovery.discover(["nope.py", "./nope.py"])
    XCTAssertEqual(missing.map(\.path), ["./nope.py", "nope.py"])
    XCTAssertTrue(missing.allSatisfy { $0.error != nil })
  }

  func testJoinKeepsPathsAsAPersonWouldTypeThem() {
    XCTAssertEqual(FileDiscovery.join(".", "a.py"), "a.py")
    XCTAssertEqual(FileDiscovery.join("src", "a.py"), "src/a.py")
    XCTAssertEqual(FileDiscovery.join("src/", "a.py"), "src/a.py")
    XCTAssertEqual(FileDiscovery.join("/", "a.py"), "/a.py")
  }

  func testTrailingSlashOnRootIsNotDoubled() throws {
    let directory = try TemporaryDirectory()
    try directory.write("a.py")
    XCTAssertEqual(FileDiscovery.discover([directory.path + "//"]).map(\.path), [directory.path + "/a.py"])
  }

  func testCurrentDirectoryGivesBarePaths() throws {
    let directory = try TemporaryDirectory()
    try directory.write("pkg/a.py")
    let previous = FileManager.default.currentDirectoryPath
    XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(directory.path))
    defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
    XCTAssertEqual(FileDiscovery.discover(["."]).map(\.path), ["pkg/a.py"])
  }
}
