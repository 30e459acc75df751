import Engine
import PythonSyntax

extension BlockingCall {
  public static let description = RuleDescription(
    code: "AF109", name: "blocking-call",
    summary: "A long synchronous call in a coroutine (camera frame, socket, HTTP, subprocess) blocks every task",
    rationale: """
      asyncio runs every task on one thread and switches only at await points. A call that waits \
      for hardware or the network without awaiting — an OpenMV `snapshot()` waiting for a frame, \
      `recv` on a blocking socket, `socket.getaddrinfo` or `create_connection`, an \
      `urequests`/`requests` request (also through a `requests.Session()`), \
      `input()`, `subprocess.run` — holds that thread for as long as it takes: no other task \
      runs, no stream is serviced, no timeout fires.

      The calls come from a built-in list, matched through every import form and alias, and for \
      methods through the call that made the receiver (`cam = csi.CSI()` then `cam.snapshot()`, \
      also `self.cam` set in `__init__`; a frame from `snapshot()` then `img.save(…)`). \
      `snapshot(blocking=False)` is not blocking, nor is a socket made non-blocking with \
      `setblocking(False)` or `settimeout(0)`, or watched by a poller (`p.register(s, …)` on a \
      `select.poll()` or a `selectors` selector, `select.select([s], …)`: read when ready), on \
      the same variable, or `self.sock` in any method of the class. A name lookup that asks no \
      DNS is not blocking either: `getaddrinfo` with `AI_NUMERICHOST` among its flags (directly \
      or through a constant), or of an address written out (`"127.0.0.1"`, `"::1"`). The `blocking-calls` \
      configuration adds qualified names (`mylib.read_all`, or `mylib.Sensor.read` for the method \
      of a `mylib.Sensor()`) and removes built-in ones. Sleeps are AF102's.

      There is no mechanical fix: the asynchronous replacement depends on the API. Each finding \
      says what to use instead (`snapshot(blocking=False)` polled with `await \
      asyncio.sleep_ms(0)`, asyncio streams for sockets, `asyncio.create_subprocess_exec`, \
      `asyncio.to_thread` or `aiohttp` on CPython).
      """,
    triggeringExamples: [
      RuleExample(
        """
        import csi

        async def stream(writer):
            cam = csi.CSI()
            while True:
                img = ↓cam.snapshot()
                writer.write(↓img.compress())
                await writer.drain()
        """),
      RuleExample(
        """
        import usocket as socket

        async def fetch(host):
            addr = ↓socket.getaddrinfo(host, 80)[0][-1]
            s = socket.socket()
            ↓s.connect(addr)
            return ↓s.recv(100)
        """),
      RuleExample(
        """
        import urequests

        async def report(value):
            ↓urequests.post("http://192.0.2.1/v", json=value).close()
        """),
      RuleExample(
        """
        from subprocess import run

        async def build():
            ↓run(["make"])
            return ↓input("again? ")
        """, target: .cpython),
    ],
    nonTriggeringExamples: [
      RuleExample(
        """
        import asyncio
        import csi

        async def next_frame(cam):
            while (img := cam.snapshot(blocking=False)) is None:
                await asyncio.sleep_ms(0)
            return img
        """),
      RuleExample(
        """
        import socket

        async def poll():
            s = socket.socket()
            s.setblocking(False)
            return s.recv(10)
        """),
      RuleExample(
        """
        import socket

        def resolve(host):
            return socket.getaddrinfo(host, 80)
        """),
      RuleExample(
        """
        import asyncio

        async def fetch(host):
            reader, writer = await asyncio.open_connection(host, 80)
            writer.write(b"GET / HTTP/1.0\\r\\n\\r\\n")
            return await reader.read(100)
        """),
      RuleExample(
        """
        import time

        async def wait():
            time.sleep(1)
        """),
      RuleExample(
        """
        async def fetch(requests, conn):
            requests.get("/")
            conn.recv(10)
        """),
    ],
    corrections: [],
    fixAvailability: .none,
    nodeKinds: [.call])
}
