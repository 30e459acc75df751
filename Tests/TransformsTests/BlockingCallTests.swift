import Engine
import PythonSyntax
import Transforms
import XCTest

/// AF109 beyond its examples and golden cases: receivers followed through the calls that made
/// them, the exemptions, the configuration's changes, advice per dialect, and no double findings
/// with AF102.
final class BlockingCallTests: XCTestCase {
  private func messages(_ source: String, settings: Settings = RuleTesting.settings()) -> [String] {
    RuleTesting.findings(source, code: "AF109", settings: settings).map(\.message)
  }

  private func reported(_ body: String, header: String = "", settings: Settings = RuleTesting.settings()) -> Bool {
    !messages(header + "async def f(x):\n" + body, settings: settings).isEmpty
  }

  func testEveryImportForm() {
    for (header, call) in [
      ("import socket\n", "socket.getaddrinfo('h', 80)"),
      ("import usocket\n", "usocket.getaddrinfo('h', 80)"),
      ("import usocket as net\n", "net.getaddrinfo('h', 80)"),
      ("from socket import getaddrinfo as gai\n", "gai('h', 80)"),
      ("try:\n    import urequests as r\nexcept ImportError:\n    import requests as r\n", "r.get('u')"),
      ("import urllib.request\n", "urllib.request.urlopen('u')"),
      ("from urllib import request\n", "request.urlopen('u')"),
      ("", "input()"),
    ] {
      XCTAssertTrue(reported("    \(call)\n", header: header), call)
    }
  }

  func testReceiversFollowedThroughTheCallsThatMadeThem() {
    let header = "import csi\nimport socket\nimport sensor\n"
    XCTAssertTrue(reported("    c = csi.CSI()\n    img = c.snapshot()\n    img.save('a')\n", header: header))
    XCTAssertEqual(
      messages(header + "async def f():\n    c = csi.CSI()\n    img = c.snapshot()\n    img.save('a')\n"),
      [
        "c.snapshot() (csi.CSI.snapshot) blocks the event loop inside a coroutine",
        "img.save() (image.Image.save) blocks the event loop inside a coroutine",
      ])
    let accepted = { (targets: String) in
      self.messages(header + "async def f():\n    \(targets) = socket.socket().accept()\n    conn.recv(1)\n").count
    }
    XCTAssertEqual(accepted("conn, peer"), 2, "accept, then recv on the connection")
    XCTAssertEqual(accepted("peer, conn"), 1, "accept only: conn is the address")
    XCTAssertTrue(reported("    socket.create_connection(('h', 7)).send(b'x')\n", header: header))
    XCTAssertTrue(reported("    img = sensor.snapshot()\n    img.compress()\n", header: header))
    XCTAssertFalse(reported("    img = sensor.alloc_extra_fb(1, 1, 1)\n    img.save('a')\n", header: header))
    XCTAssertFalse(reported("    x.recv(1)\n    x.snapshot()\n", header: header), "a parameter: unknown")
  }

  func testSelfAttributesSetInAnotherMethod() {
    let source = """
      import csi

      class Camera:
          def __init__(self):
              self.cam = csi.CSI()

          async def grab(self):
              return self.cam.snapshot()

          async def other(self):
              return self.lens.snapshot()
      """
    XCTAssertEqual(
      messages(source), ["self.cam.snapshot() (csi.CSI.snapshot) blocks the event loop inside a coroutine"])
  }

  func testSnapshotBlockingKeyword() {
    let header = "import csi\n"
    XCTAssertFalse(reported("    csi.CSI().snapshot(blocking=False)\n", header: header))
    XCTAssertFalse(reported("    csi.CSI().snapshot(blocking=0)\n", header: header))
    XCTAssertFalse(reported("    csi.CSI().snapshot(blocking=x)\n", header: header), "not known to block")
    XCTAssertTrue(reported("    csi.CSI().snapshot(blocking=True)\n", header: header))
    XCTAssertTrue(reported("    csi.CSI().snapshot(False)\n", header: header), "only the keyword counts")
  }

  func testNonBlockingSockets() {
    let header = "import socket\n"
    let made = "    s = socket.socket()\n"
    XCTAssertFalse(reported(made + "    s.setblocking(False)\n    s.recv(1)\n", header: header))
    XCTAssertFalse(reported(made + "    s.recv(1)\n    s.setblocking(0)\n", header: header), "anywhere in the scope")
    XCTAssertFalse(reported(made + "    s.settimeout(0)\n    s.recv(1)\n", header: header))
    XCTAssertFalse(reported(made + "    s.settimeout(0.0)\n    s.recv(1)\n", header: header))
    XCTAssertTrue(reported(made + "    s.settimeout(None)\n    s.recv(1)\n", header: header), "blocking mode")
    XCTAssertTrue(reported(made + "    s.settimeout(5)\n    s.recv(1)\n", header: header), "waits up to 5 s")
    XCTAssertTrue(reported(made + "    s.setblocking(True)\n    s.recv(1)\n", header: header))
    XCTAssertTrue(reported(made + "    t = socket.socket()\n    t.setblocking(False)\n    s.recv(1)\n", header: header))
    let elsewhere = "import socket\ndef g(s):\n    s.setblocking(False)\n"
    XCTAssertTrue(reported(made + "    s.recv(1)\n", header: elsewhere), "another function's s")
    let global = "import socket\ns = socket.socket()\ns.setblocking(False)\n"
    XCTAssertFalse(reported("    s.recv(1)\n", header: global), "set where it was made")
    XCTAssertTrue(
      reported(made + "    s.setblocking(False)\n    s = socket.socket()\n    s.recv(1)\n", header: header),
      "a new socket")
  }

  func testSelfSocketConfiguredInAnyMethod() {
    let source = """
      import socket

      class Server:
          def __init__(self):
              self.sock = socket.socket()

          def start(self):
              self.sock.setblocking(False)

          async def poll(self):
              return self.sock.accept()

          async def other(self):
              self.peer = socket.socket()
              return self.peer.recv(1)
      """
    XCTAssertEqual(messages(source), ["self.peer.recv() (socket.socket.recv) blocks the event loop inside a coroutine"])
  }

  func testOnlyTheCoroutinesOwnCode() {
    let header = "import socket\n"
    XCTAssertFalse(reported("    def g():\n        socket.getaddrinfo('h', 1)\n", header: header))
    XCTAssertFalse(reported("    g = lambda: socket.getaddrinfo('h', 1)\n", header: header))
    XCTAssertTrue(reported("    [socket.getaddrinfo(h, 1) for h in x]\n", header: header), "a comprehension runs here")
    XCTAssertFalse(!messages(header + "def f():\n    socket.getaddrinfo('h', 1)\n").isEmpty)
  }

  func testSleepsAreAF102sEvenWhenConfigured() {
    var settings = RuleTesting.settings()
    settings.blockingCalls = BlockingCallChanges(added: [BlockingCall(name: "time.sleep")])
    let source = "import time\nasync def f():\n    time.sleep(1)\n"
    XCTAssertEqual(RuleTesting.findings(source, settings: settings).map(\.code), ["AF102"])
  }

  func testConfigurationAddsAndRemoves() {
    var settings = RuleTesting.settings()
    settings.blockingCalls = BlockingCallChanges(
      added: [BlockingCall(name: "mylib.read_all", advice: "Use `read_chunks`"), BlockingCall(name: "mylib.Dev.poll")],
      removed: ["socket.getaddrinfo", "usocket.socket.recv"])
    let source = """
      import mylib
      import socket

      async def f():
          mylib.read_all()
          d = mylib.Dev()
          d.poll()
          socket.getaddrinfo('h', 1)
          s = socket.socket()
          s.recv(1)
          conn, peer = s.accept()
          conn.recv(1)
          s.send(b'x')
      """
    let findings = RuleTesting.findings(source, code: "AF109", settings: settings)
    XCTAssertEqual(findings.map(\.start.line), [5, 7, 11, 13], "recv removed under its MicroPython spelling too")
    XCTAssertEqual(findings.first?.fixes.map(\.message), ["Use `read_chunks`"])
    XCTAssertEqual(findings.first?.fixes.map(\.applicability), [.displayOnly])
    XCTAssertEqual(findings.first?.fixes.first?.edits, [])
    XCTAssertEqual(
      findings[1].fixes.map(\.message),
      ["Listed in `blocking-calls`: use an asynchronous equivalent, or call it outside the coroutine"])
  }

  func testAdviceFollowsTheDialect() throws {
    let micropython = "import machine\nimport urequests\nasync def f():\n    urequests.get('u')\n"
    let cpython = "import requests\nasync def f():\n    requests.get('u')\n"
    let onBoard = try XCTUnwrap(RuleTesting.findings(micropython).first?.fixes.first?.message)
    let onServer = try XCTUnwrap(RuleTesting.findings(cpython).first?.fixes.first?.message)
    XCTAssertTrue(onBoard.contains("asyncio.open_connection"), onBoard)
    XCTAssertTrue(onServer.contains("aiohttp"), onServer)
    XCTAssertTrue(onServer.contains("requests.get"), onServer)
  }

  func testFindingCoversTheCall() throws {
    let source = "import socket\nasync def f():\n    a = socket.getaddrinfo(\n        'h', 1)[0]\n"
    let finding = try XCTUnwrap(RuleTesting.findings(source, code: "AF109").first)
    XCTAssertEqual(finding.start, TextPosition(line: 3, column: 9))
    XCTAssertEqual(finding.end, TextPosition(line: 4, column: 16))
    XCTAssertEqual(finding.message, "socket.getaddrinfo() blocks the event loop inside a coroutine")
    XCTAssertEqual(RuleTesting.fixed(source), source, "display-only: fix changes nothing")
  }
}
