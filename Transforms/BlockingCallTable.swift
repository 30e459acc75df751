/// AF109's built-in list of long synchronous calls (DESIGN §3), as data: the rule's code lives in
/// `BlockingCall.swift` and `BlockingCalls.swift`. The `blocking-calls` configuration adds entries
/// and removes them by any of their names.
///
/// Names are qualified names as `SemanticModel.calleeNames(of:)` gives them: a module function
/// through every import form (`socket.getaddrinfo`, also `usocket.getaddrinfo`: MicroPython's
/// `u` modules are canonicalised), or a method named after the call that made its receiver
/// (`csi.CSI.snapshot` for `cam.snapshot()` after `cam = csi.CSI()`; `socket.socket.accept.0.recv`
/// for `conn.recv()` after `conn, peer = server.accept()`).
enum BlockingCallTable {
  /// What a socket's methods are named after: the calls that make a socket.
  private static let sockets = ["socket.socket", "socket.socket.accept.0", "socket.create_connection"]
  /// What a `requests` session's methods are named after.
  private static let sessions = ["requests.Session", "requests.session", "requests.sessions.Session"]
  /// The functions of `requests` (and methods of its sessions) that make a request.
  private static let httpMethods = ["get", "post", "put", "delete", "head", "patch", "options", "request"]
  private static let httpAdvice =
    "Waits for the whole HTTP exchange: speak HTTP over `asyncio.open_connection` streams, or make the "
    + "request before the event loop starts"
  /// What an OpenMV image's methods are named after: the calls that make a frame.
  private static let images = ["image.Image", "sensor.snapshot", "csi.CSI.snapshot"]

  static let entries: [BlockingCallEntry] =
    [
      BlockingCallEntry(
        "csi.CSI.snapshot", unless: .keywordFalse("blocking"),
        advice: "Call `snapshot(blocking=False)` and poll it with `await asyncio.sleep_ms(0)` until it gives a frame"),
      BlockingCallEntry(
        "sensor.snapshot",
        advice: "Waits for a whole frame: use `csi.CSI().snapshot(blocking=False)` polled with "
          + "`await asyncio.sleep_ms(0)`, or capture outside the tasks that must keep running"),
      BlockingCallEntry(
        "sensor.skip_frames",
        advice: "Let the sensor settle before the event loop starts, or wait with `await asyncio.sleep_ms(…)`"),
      BlockingCallEntry(
        images.map { $0 + ".save" },
        advice: "Writing the file stops every task: save outside the tasks that must keep running, or less often"),
      BlockingCallEntry(
        images.map { $0 + ".compress" },
        advice: "Compression stops every task while it runs: compress smaller frames (`quality=`, a smaller "
          + "frame size) or less often"),
      BlockingCallEntry(
        "socket.create_connection",
        advice: "Resolves the name and connects, both waiting for the network: use `reader, writer = await "
          + "asyncio.open_connection(host, port)`"),
    ]
    // Name lookups wait for DNS.
    + ["getaddrinfo", "gethostbyname", "gethostbyname_ex"].map { function in
      BlockingCallEntry(
        "socket." + function, unless: .numericLookup,
        advice: "Resolve the address once before the event loop starts and reuse it",
        cpython: "Use `await asyncio.get_running_loop().getaddrinfo(…)`, or let "
          + "`asyncio.open_connection(host, port)` resolve it")
    }
    + [
      BlockingCallEntry(
        "socket.gethostbyaddr",
        advice: "Look the name up once before the event loop starts and reuse it",
        cpython: "Use `await asyncio.get_running_loop().getnameinfo(…)`"),
      socketMethod(
        "connect",
        advice: "Use `reader, writer = await asyncio.open_connection(host, port)` instead of a blocking socket"),
      socketMethod(
        "accept", advice: "Use `asyncio.start_server(handler, host, port)`: it accepts without stopping other tasks"),
    ]
    + ["recv", "recvfrom", "recv_into", "read", "readinto", "readline"].map { method in
      socketMethod(
        method,
        advice: "Use asyncio streams (`asyncio.open_connection`, `asyncio.start_server`) and "
          + "`await reader.read(…)`, or `setblocking(False)` and poll between awaits")
    }
    + ["send", "sendall", "sendto", "write"].map { method in
      socketMethod(
        method,
        advice: "Use asyncio streams (`asyncio.open_connection`, `asyncio.start_server`): "
          + "`writer.write(…)` then `await writer.drain()`")
    }
    + httpMethods.map { function in
      BlockingCallEntry(
        "requests." + function, advice: httpAdvice,
        cpython: "Use an asynchronous HTTP client (`aiohttp`), or `await asyncio.to_thread(requests.\(function), …)`")
    }
    + httpMethods.map { method in
      BlockingCallEntry(
        sessions.map { $0 + "." + method }, advice: httpAdvice,
        cpython: "Use an asynchronous HTTP client (`aiohttp.ClientSession`), or "
          + "`await asyncio.to_thread(session.\(method), …)`")
    }
    + [
      BlockingCallEntry(
        "os.sync", advice: "Waits for the flash or SD card: sync less often, outside the tasks that must keep running",
        cpython: "Use `await asyncio.to_thread(os.sync)`"),
      BlockingCallEntry(
        "builtins.input",
        advice: "Read the console with `asyncio.StreamReader(sys.stdin)` and `await reader.readline()`",
        cpython: "Use `await asyncio.to_thread(input, …)`"),
      BlockingCallEntry(
        "urllib.request.urlopen",
        advice:
          "Use an asynchronous HTTP client (`aiohttp`), or `await asyncio.to_thread(urllib.request.urlopen, …)`"),
    ]
    + ["run", "call", "check_call", "check_output"].map { function in
      BlockingCallEntry(
        "subprocess." + function,
        advice: "Use `process = await asyncio.create_subprocess_exec(…)` and `await process.communicate()`")
    }

  /// A method of a blocking socket: not a finding on a socket made non-blocking
  /// (`NonBlockingSockets`).
  private static func socketMethod(_ method: String, advice: String) -> BlockingCallEntry {
    BlockingCallEntry(sockets.map { $0 + "." + method }, unless: .nonBlockingReceiver, advice: advice)
  }
}
