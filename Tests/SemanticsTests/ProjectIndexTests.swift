import PythonSyntax
import Semantics
import XCTest

/// The project index without a file system: module names from paths (packages, script
/// directories, the nearest-importer choice), relative imports by path, re-exports, and the
/// summaries behind them.
final class ProjectIndexTests: XCTestCase {
  /// An index of `files` (absolute path → source) where the directories in `packages` hold an
  /// `__init__.py`.
  private func index(_ files: [String: String], packages: Set<String> = []) -> ProjectIndex {
    let modules = files.keys.sorted().map { path in
      (path: path, summary: ModuleSummary(Snippet(files[path]!).model))
    }
    var packageDirectories = packages
    for path in files.keys where path.hasSuffix("/__init__.py") {
      packageDirectories.insert(String(path.dropLast("/__init__.py".count)))
    }
    return ProjectIndex(modules: modules, currentDirectory: "/w") { packageDirectories.contains($0) }
  }

  // MARK: Module names

  func testPackagedModulesAreNamedFromTheOutermostPackage() {
    let path = ModulePath(path: "/w/proj/pkg/sub/net.py", currentDirectory: "/")
    let packages: Set<String> = ["/w/proj/pkg", "/w/proj/pkg/sub"]
    XCTAssertEqual(
      path.importNames { packages.contains($0) }, ["pkg.sub.net", "proj.pkg.sub.net", "w.proj.pkg.sub.net"])
    let initFile = ModulePath(path: "/w/proj/pkg/__init__.py", currentDirectory: "/")
    XCTAssertTrue(initFile.isPackage)
    XCTAssertEqual(initFile.importNames { packages.contains($0) }, ["pkg", "proj.pkg", "w.proj.pkg"])
    XCTAssertEqual(initFile.packageDirectory, ["w", "proj", "pkg"])
  }

  func testModulesOutsidePackagesAreNamedByEverySuffixOfTheirPath() {
    let path = ModulePath(path: "proj/app/./net.py", currentDirectory: "/w/x/..")
    XCTAssertEqual(path.components, ["w", "proj", "app", "net"])
    XCTAssertEqual(path.importNames { _ in false }, ["net", "app.net", "proj.app.net", "w.proj.app.net"])
  }

  func testAmbiguousNamesResolveToTheFileNearestTheImporter() {
    let project = index([
      "/w/a/util.py": "async def f(): pass\n",
      "/w/b/util.py": "def f(): pass\n",
      "/w/b/deep/er/util.py": "def f(): pass\n",
    ])
    XCTAssertEqual(project.modulePath(named: "util", from: "/w/a/main.py"), ["w", "a", "util"])
    XCTAssertEqual(project.modulePath(named: "util", from: "/w/b/main.py"), ["w", "b", "util"])
    XCTAssertEqual(project.modulePath(named: "util", from: "/w/b/deep/er/main.py"), ["w", "b", "deep", "er", "util"])
    // Equally far: the shorter path, then the one that sorts first.
    XCTAssertEqual(project.modulePath(named: "util", from: "/w/c/main.py"), ["w", "a", "util"])
    XCTAssertEqual(project.resolve(QualifiedName("util.f"), from: "/w/a/main.py"), .function(.coroutine))
    XCTAssertEqual(project.resolve(QualifiedName("util.f"), from: "/w/b/main.py"), .function(.plain))
    // A longer suffix picks one file exactly.
    XCTAssertEqual(project.resolve(QualifiedName("a.util.f"), from: "/w/b/main.py"), .function(.coroutine))
  }

  // MARK: Resolution

  private lazy var project = index([
    "/w/pkg/__init__.py": "from .net import send\nfrom . import util as tools\n",
    "/w/pkg/net.py": """
      async def send(data): pass
      def encode(data): pass
      def beat():
          yield
      class Conn:
          async def open(self): pass
      class Tls(Conn):
          def wrap(self): pass
      """,
    "/w/pkg/util.py": "async def flush(): pass\nfrom .net import *\n",
    "/w/pkg/sub/__init__.py": "",
    "/w/pkg/sub/worker.py": "from ..util import flush\n",
    "/w/app.py": "import pkg\n",
  ])

  func testAbsoluteNames() {
    XCTAssertEqual(project.resolve(QualifiedName("pkg.net.send"), from: "/w/app.py"), .function(.coroutine))
    XCTAssertEqual(project.resolve(QualifiedName("pkg.net.encode"), from: "/w/app.py"), .function(.plain))
    XCTAssertEqual(project.resolve(QualifiedName("pkg.net.beat"), from: "/w/app.py"), .function(.generator))
    XCTAssertEqual(project.resolve(QualifiedName("pkg.net"), from: "/w/app.py"), .module)
    XCTAssertNil(project.resolve(QualifiedName("pkg.net.missing"), from: "/w/app.py"))
    XCTAssertNil(project.resolve(QualifiedName("asyncio.sleep"), from: "/w/app.py"), "not a project module")
  }

  func testReExportsThroughThePackage() {
    XCTAssertEqual(project.resolve(QualifiedName("pkg.send"), from: "/w/app.py"), .function(.coroutine))
    XCTAssertEqual(project.resolve(QualifiedName("pkg.tools.flush"), from: "/w/app.py"), .function(.coroutine))
    // A wildcard import re-exports too.
    XCTAssertEqual(project.resolve(QualifiedName("pkg.util.send"), from: "/w/app.py"), .function(.coroutine))
    // Through a submodule not imported by the package.
    XCTAssertEqual(project.resolve(QualifiedName("pkg.sub.worker.flush"), from: "/w/app.py"), .function(.coroutine))
  }

  func testRelativeNamesResolveByPath() {
    let worker = "/w/pkg/sub/worker.py"
    XCTAssertEqual(project.resolve(QualifiedName("..util.flush"), from: worker), .function(.coroutine))
    XCTAssertEqual(project.resolve(QualifiedName("..net.send"), from: worker), .function(.coroutine))
    XCTAssertEqual(
      project.resolve(QualifiedName("..send"), from: worker), .function(.coroutine), "the package's re-export")
    XCTAssertEqual(project.resolve(QualifiedName(".worker.flush"), from: worker), .function(.coroutine))
    XCTAssertNil(project.resolve(QualifiedName("....too.far"), from: worker))
    // From a package's __init__, `.` is the package itself.
    XCTAssertEqual(project.resolve(QualifiedName(".net.send"), from: "/w/pkg/__init__.py"), .function(.coroutine))
  }

  func testMethodsThroughClassesAndBases() {
    XCTAssertEqual(project.resolve(QualifiedName("pkg.net.Conn.open"), from: "/w/app.py"), .function(.coroutine))
    XCTAssertEqual(project.resolve(QualifiedName("pkg.net.Tls.open"), from: "/w/app.py"), .function(.coroutine))
    XCTAssertEqual(project.resolve(QualifiedName("pkg.net.Tls.wrap"), from: "/w/app.py"), .function(.plain))
    guard case .class(let tls) = project.resolve(QualifiedName("pkg.net.Tls"), from: "/w/app.py") else {
      return XCTFail("Tls is a class")
    }
    XCTAssertEqual(project.method("open", of: tls), .coroutine)
    XCTAssertNil(project.method("missing", of: tls))
  }

  func testReExportCyclesEnd() {
    let cyclic = index(["/w/a.py": "from b import f\n", "/w/b.py": "from a import f\n"])
    XCTAssertNil(cyclic.resolve(QualifiedName("a.f"), from: "/w/c.py"))
  }

  // MARK: Summaries

  func testSummaryKeepsOnlyWhatIsCertain() {
    let summary = ModuleSummary(
      Snippet(
        """
        import contextlib
        from .net import send as transmit

        async def ok(): pass

        @contextlib.asynccontextmanager
        async def session():
            yield

        async def stream():
            yield 1

        if True:
            async def both(): pass
        else:
            async def both(): pass

        async def rebound(): pass
        rebound = None

        class Future:
            def __await__(self):
                yield
            @staticmethod
            async def make(): pass

        class Child(Future, Unknown):
            pass
        """
      ).model)
    XCTAssertEqual(summary.members["ok"], .function(.coroutine))
    XCTAssertEqual(summary.members["session"], .function(.decorated))
    XCTAssertEqual(summary.members["stream"], .function(.asyncGenerator))
    XCTAssertEqual(summary.members["both"], .function(.coroutine))
    XCTAssertEqual(summary.members["rebound"], .other)
    XCTAssertEqual(summary.members["transmit"], .imported(QualifiedName(".net.send")))
    guard case .class(let future) = summary.members["Future"], case .class(let child) = summary.members["Child"] else {
      return XCTFail("classes expected")
    }
    XCTAssertTrue(future.definesAwait, "instances are awaitable")
    XCTAssertEqual(future.methods["make"], .coroutine)
    XCTAssertEqual(child.bases, [.local("Future"), .unknown])
  }
}
