import PythonSyntax
import Semantics
import XCTest

/// `calleeNames(of:)` and `valueNames(of:)`: calls named through imports and through the calls
/// that made their receivers, chains of them, and where following stops.
final class CalleeNameTests: XCTestCase {
  /// The callee names of the call whose text starts with `prefix`.
  private func names(_ s: Snippet, _ prefix: String, _ occurrence: Int = 0) -> [String] {
    let calls = s.nodes(.call).filter { $0.text.hasPrefix(prefix) }
    guard occurrence < calls.count, let call = CallSyntax(calls[occurrence]) else {
      XCTFail("no call \(prefix)")
      return []
    }
    return s.model.calleeNames(of: call.callee).map(\.description)
  }

  func testImportsAreCanonical() {
    let s = Snippet(
      """
      import usocket as net
      from urequests import get as fetch
      net.getaddrinfo("h", 80)
      fetch("u")
      input()
      """)
    XCTAssertEqual(names(s, "net.getaddrinfo"), ["socket.getaddrinfo"])
    XCTAssertEqual(names(s, "fetch"), ["requests.get"])
    XCTAssertEqual(names(s, "input"), ["builtins.input"])
  }

  func testMethodsThroughTheirReceiversOrigins() {
    let s = Snippet(
      """
      import csi
      import socket
      cam = csi.CSI()
      img = cam.snapshot()
      img.save("a")
      csi.CSI().snapshot()
      server = socket.socket()
      conn, peer = server.accept()
      conn.recv(1)
      """)
    XCTAssertEqual(names(s, "cam.snapshot"), ["csi.CSI.snapshot"])
    XCTAssertEqual(names(s, "img.save"), ["csi.CSI.snapshot.save"])
    XCTAssertEqual(names(s, "csi.CSI().snapshot"), ["csi.CSI.snapshot"])
    XCTAssertEqual(names(s, "conn.recv"), ["socket.socket.accept.0.recv"])
    XCTAssertEqual(s.model.valueNames(of: s.name("peer")).map(\.description), ["socket.socket.accept.1"])
  }

  func testSelfAttributesAndEveryOrigin() {
    let s = Snippet(
      """
      import socket
      import ssl
      class Client:
          def __init__(self, secure):
              if secure:
                  self.sock = ssl.wrap_socket(socket.socket())
              else:
                  self.sock = socket.socket()
          def send(self, data):
              self.sock.send(data)
      """)
    XCTAssertEqual(names(s, "self.sock.send"), ["ssl.wrap_socket.send", "socket.socket.send"])
  }

  func testFollowingStops() {
    let s = Snippet(
      """
      import mylib
      def f(param, other):
          param.read()
          y = other.make()
          y.go()
      class Cursor:
          def __init__(self):
              self.x = mylib.first()
          def step(self):
              self.x.close()
              self.x = self.x.next()
      """)
    XCTAssertEqual(names(s, "param.read"), [], "a parameter has no origin")
    XCTAssertEqual(names(s, "y.go"), [], "made by a method of an unknown value")
    // A chain that feeds itself ends at the depth bound instead of looping.
    XCTAssertEqual(
      names(s, "self.x.close"), ["mylib.first.close", "mylib.first.next.close", "mylib.first.next.next.close"])
  }

  /// The cache gives what following without it gives, for every call and at every depth (the
  /// depth is part of what it remembers: a shallower question must not get a deeper answer).
  func testCacheGivesTheSameNames() {
    let s = Snippet(
      """
      import csi
      import mylib
      class Camera:
          def __init__(self):
              self.cam = csi.CSI()
              self.x = mylib.first()
          async def grab(self):
              img = self.cam.snapshot()
              img.save("a")
              self.cam.snapshot().compress()
          def step(self):
              self.x.close()
              self.x = self.x.next()
      """)
    let cache = ValueNameCache()
    for _ in 0..<2 {
      for call in s.nodes(.call).compactMap(CallSyntax.init) {
        for depth in (0...SemanticModel.calleeNameDepth).reversed() {
          XCTAssertEqual(
            s.model.calleeNames(of: call.callee, depth: depth, cache: cache),
            s.model.calleeNames(of: call.callee, depth: depth), "\(call.node.text) at depth \(depth)")
        }
      }
    }
  }
}
