import PythonSyntax
import Semantics
import XCTest

/// LEGB resolution, class-scope invisibility, global/nonlocal, comprehension scoping, and which
/// bindings reach a use.
final class NameResolutionTests: XCTestCase {
  func testLocalEnclosingGlobalBuiltin() {
    let s = Snippet(
      """
      x = 1
      def outer(y):
          z = 2
          def inner():
              return x, y, z, len, nowhere
          return inner
      """)
    XCTAssertEqual(s.resolution("x", 1), "assignment@1")
    XCTAssertEqual(s.resolution("y", 0), "parameter@2")
    XCTAssertEqual(s.resolution("z", 1), "assignment@3")
    XCTAssertEqual(s.resolution("len"), "builtin")
    XCTAssertEqual(s.resolution("nowhere"), "unresolved")
    XCTAssertEqual(s.resolution("inner"), "function@4")
    XCTAssertEqual(s.model.binding(of: s.name("x", 1))?.scope, .module)
    XCTAssertNil(s.model.binding(of: s.name("len")))
  }

  func testClassScopeIsInvisibleFromMethodsAndComprehensions() {
    let s = Snippet(
      """
      size = 0
      class C:
          size = 1
          doubled = size * 2
          def method(self):
              return size
          squares = [size for _ in range(3)]
          first = [n for n in range(size)]
      """)
    XCTAssertEqual(s.resolution("size", 2), "assignment@3")  // class body sees its own name
    XCTAssertEqual(s.resolution("size", 3), "assignment@1")  // a method does not
    XCTAssertEqual(s.resolution("size", 4), "assignment@1")  // nor does a comprehension
    XCTAssertEqual(s.resolution("size", 5), "assignment@3")  // except its first iterable
  }

  func testClassBodyReadsGlobalsBeforeItsOwnBinding() {
    let s = Snippet(
      """
      name = "module"
      class C:
          label = name
          name = "class"
          again = name
      """)
    XCTAssertEqual(s.resolution("name", 1), "assignment@1")
    XCTAssertEqual(s.resolution("name", 3), "assignment@4")
  }

  func testEnclosingFunctionScopeIsVisibleFromClassBody() {
    let s = Snippet(
      """
      def factory(base):
          class Made(base):
              kind = base
          return Made
      """)
    XCTAssertEqual(s.resolution("base", 0), "parameter@1")
    XCTAssertEqual(s.resolution("base", 1), "parameter@1")
  }

  func testGlobalAndNonlocal() {
    let s = Snippet(
      """
      state = None
      def reset():
          global state
          state = {}
          return state
      def read():
          return state
      def outer():
          count = 0
          def inc():
              nonlocal count
              count += 1
              return count
          return count
      """)
    XCTAssertEqual(s.resolution("state", 2), "assignment@1, assignment@4")
    XCTAssertEqual(s.resolution("state", 3), "assignment@1, assignment@4")
    XCTAssertEqual(s.resolution("count", 2), "assignment@9, augmentedAssignment@12")
    XCTAssertEqual(s.model.binding(madeBy: s.name("count", 1))?.scope, s.model.scope(of: s.name("count", 0)).id)
  }

  func testGlobalNameNeverBoundInModuleFallsBackToBuiltins() {
    let s = Snippet(
      """
      def f():
          global print
          return print
      """)
    XCTAssertEqual(s.resolution("print"), "builtin")
  }

  func testParametersShadowImports() {
    let s = Snippet(
      """
      import time
      def wait(time):
          time.sleep(1)
      def other():
          time.sleep(1)
      """)
    XCTAssertEqual(s.resolution("time", 0), "parameter@2")
    XCTAssertEqual(s.resolution("time", 1), "import@1")
  }

  func testLaterAssignmentHidesImportAfterIt() {
    let s = Snippet(
      """
      import time
      time.sleep(1)
      time = FakeClock()
      time.sleep(1)
      def later():
          time.sleep(1)
      """)
    XCTAssertEqual(s.resolution("time", 0), "import@1")
    XCTAssertEqual(s.resolution("time", 2), "assignment@3")
    XCTAssertEqual(s.resolution("time", 3), "assignment@3")
  }

  func testConditionalBindingsAreAllCandidates() {
    let s = Snippet(
      """
      if fast:
          import ujson as json
      else:
          json = None
      json.loads(text)
      """)
    XCTAssertEqual(s.resolution("json", 1), "import@2, assignment@4")
  }

  func testTryExceptFallbackKeepsBothImports() {
    let s = Snippet(
      """
      try:
          import uasyncio as asyncio
      except ImportError:
          import asyncio
      asyncio.run(main())
      """)
    XCTAssertEqual(s.resolution("asyncio"), "import@2, import@4")
  }

  func testAssignmentValueSeesThePreviousBinding() {
    let s = Snippet(
      """
      import time
      time = time.monotonic
      """)
    XCTAssertEqual(s.resolution("time", 1), "import@1")
    XCTAssertEqual(s.resolution("time", 0), "assignment@2")
  }

  func testUseInLoopBeforeAssignmentSeesTheLocal() {
    let s = Snippet(
      """
      def f():
          while True:
              if seen: break
              seen = True
      """)
    XCTAssertEqual(s.resolution("seen", 0), "assignment@4")
  }

  func testExceptAndMatchBindingsNeverHideEarlierOnes() {
    let s = Snippet(
      """
      def f(error):
          try: pass
          except E as error: pass
          return error
      """)
    XCTAssertEqual(s.resolution("error"), "parameter@1, exceptHandler@3")
  }

  func testDelUnbindsAndAnnotationGivesNoValue() {
    let s = Snippet(
      """
      import os
      del os
      os.getcwd()
      def f():
          x: int
          return x
      """)
    XCTAssertEqual(s.resolution("os", 1), "deletion@2")
    XCTAssertEqual(s.resolution("x", 1), "local-unbound")
  }

  func testComprehensionTargetsDoNotLeak() {
    let s = Snippet(
      """
      x = "outer"
      values = [x for x in range(3)]
      print(x)
      gen = (y for y in x)
      """)
    XCTAssertEqual(s.resolution("x", 1), "comprehensionTarget@2")
    XCTAssertEqual(s.resolution("x", 3), "assignment@1")
    XCTAssertEqual(s.resolution("y", 0), "comprehensionTarget@4")
    XCTAssertEqual(s.resolution("x", 4), "assignment@1")
  }

  func testComprehensionInFunctionSeesBindingsBeforeIt() {
    let s = Snippet(
      """
      def f(items):
          limit = 3
          small = [i for i in items if i < limit]
          limit = 4
      """)
    XCTAssertEqual(s.resolution("limit", 1), "assignment@2")
  }

  func testFunctionsSeeTheModuleAsItStandsAtTheEnd() {
    let s = Snippet(
      """
      def run():
          return helper()
      def helper():
          return 1
      """)
    XCTAssertEqual(s.resolution("helper", 0), "function@3")
  }

  func testResolveTextAtAPoint() {
    let s = Snippet(
      """
      import asyncio
      def f(asyncio):
          pass
      end = 1
      """)
    let pass = s.nodes(.passStatement)[0]
    XCTAssertEqual(s.describe(s.model.resolve("asyncio", at: pass)), "parameter@2")
    XCTAssertEqual(s.describe(s.model.resolve("asyncio", at: s.nodes(.assignment)[0])), "import@1")
    // At the very start of the file nothing is bound yet.
    XCTAssertEqual(s.describe(s.model.resolve("asyncio", at: s.tree.root)), "unresolved")
    XCTAssertEqual(s.describe(s.model.resolve("never_seen", at: pass)), "unresolved")
    XCTAssertEqual(s.describe(s.model.resolve("range", at: pass)), "builtin")
  }

  func testStoreTargetsReferToTheirOwnBinding() {
    let s = Snippet("a = 1\na = 2\n")
    XCTAssertEqual(s.resolution("a", 1), "assignment@2")
    XCTAssertEqual(s.resolution("a", 0), "assignment@1")
  }

  func testLocalAssignedLaterIsLocalThroughoutTheFunction() {
    let s = Snippet(
      """
      import time
      def f():
          time.sleep(1)
          time = 3
      """)
    // Python makes `time` local to `f` for the whole body: the read does not see the import.
    XCTAssertEqual(s.resolution("time", 0), "assignment@4")
    XCTAssertEqual(s.qualifiedNames(.attribute, "time.sleep"), [])
  }

  func testDefaultsSeeTheEnclosingScope() {
    let s = Snippet(
      """
      timeout = 5
      def wait(timeout=timeout):
          return timeout
      """)
    XCTAssertEqual(s.resolution("timeout", 1), "assignment@1")
    XCTAssertEqual(s.resolution("timeout", 2), "parameter@2")
  }

  func testLambdaInLoopSeesTheLoopVariableAtTheEnd() {
    let s = Snippet(
      """
      def f(items):
          handlers = []
          for item in items:
              handlers.append(lambda: item)
          item = None
      """)
    XCTAssertEqual(s.resolution("item", 1), "assignment@5")
  }
}
