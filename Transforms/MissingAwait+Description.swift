import Engine
import PythonSyntax

extension MissingAwait {
  public static let description = RuleDescription(
    code: "AF101", name: "missing-await",
    summary: "A call that makes a coroutine is used as a statement without `await`: its body never runs",
    rationale: """
      Calling an `async def` function does not run it: it makes a coroutine object, which runs \
      only when awaited or scheduled as a task. Used as a statement, the object is dropped at \
      once — CPython warns "coroutine … was never awaited" at garbage collection, MicroPython \
      says nothing — and the code after it goes on as if the call had happened: the sleep did \
      not sleep, the message was not sent, the lock was not taken.

      Found for calls to `async def` functions of the same file (through its bindings, so a \
      local of the same name hides them), of the class (`self.m()`, `Cls.m()`, through base \
      classes, and a base's through `super().m()`), and of other modules of the project, through imports, relative imports and \
      re-exports from a package's `__init__.py` (the project index); for asyncio's own \
      coroutine functions (`sleep`, `sleep_ms`, `wait_for`, `wait_for_ms`, `open_connection`, \
      `start_server`, `wait`, and in MicroPython `gather`: CPython's schedules its arguments at \
      once and returns a future); and for the coroutine methods of objects \
      asyncio made: `Event.wait`, `ThreadSafeFlag.wait`, `Lock.acquire`, `Condition.wait`, \
      `Semaphore.acquire`, `Queue.get`/`put`, and the stream methods (`read`, `readline`, \
      `readexactly`, `readinto`, `drain`, `wait_closed`, `awrite`) of the reader and writer \
      `open_connection` returns or a `start_server` client callback receives. In MicroPython files a plain generator function counts too: \
      MicroPython's asyncio awaits generators, and many of its own coroutines are generators. \
      Calling a class whose instances the dialect can await counts as well, with an unsafe fix \
      (the class may start its work in `__init__` and be awaited only to wait for it): in CPython \
      one with `__await__` (its own or a base's), in MicroPython one whose `__iter__` yields \
      (MicroPython awaits by iterating and ignores `__await__`).

      Only statements are findings: a call passed to `create_task`, `gather`, `wait_for` or \
      `run`, stored in a variable, returned or yielded is used by something else.

      Inside a coroutine the fix inserts `await` — safe when the function is known for certain, \
      unsafe when it rests on what a receiver was assigned from (`writer.drain()` where `writer` \
      came from `open_connection`: the name may be rebound elsewhere). Outside a coroutine an \
      `await` is a syntax error in CPython and silently turns a MicroPython function into a \
      generator, so the finding only suggests `asyncio.create_task(…)` (or `yield from …` in a \
      MicroPython generator function).
      """,
    triggeringExamples: [
      RuleExample(
        """
        async def send(data):
            pass

        async def main():
            ↓send(b"hello")
        """),
      RuleExample(
        """
        import asyncio

        async def blink(led):
            while True:
                led.toggle()
                ↓asyncio.sleep(0.5)
        """),
      RuleExample(
        """
        class Client:
            async def flush(self):
                pass

            async def close(self):
                ↓self.flush()
        """),
      RuleExample(
        """
        import asyncio

        ready = asyncio.Event()

        async def consumer():
            ↓ready.wait()
        """),
      RuleExample(
        """
        async def blink():
            pass

        def start():
            ↓blink()
        """),
    ],
    nonTriggeringExamples: [
      RuleExample(
        """
        import asyncio

        async def send(data):
            pass

        async def main():
            await send(b"hello")
            task = asyncio.create_task(send(b"a"))
            await asyncio.gather(send(b"b"), send(b"c"))
            pending = send(b"d")
            await pending
        """),
      RuleExample(
        """
        async def send(data):
            pass

        async def main():
            def send(data):
                print(data)

            send(b"hello")
        """),
      RuleExample(
        """
        def helper():
            yield 1

        async def main():
            helper()
        """, target: .cpython),
    ],
    corrections: [
      RuleCorrection(
        """
        import asyncio

        async def send(data):
            pass

        async def main():
            ↓send(b"hello")
            ↓asyncio.sleep(1)
        """,
        """
        import asyncio

        async def send(data):
            pass

        async def main():
            await send(b"hello")
            await asyncio.sleep(1)
        """),
      RuleCorrection(
        """
        class Client:
            async def flush(self):
                pass

            async def close(self):
                ↓self.flush()
        """,
        """
        class Client:
            async def flush(self):
                pass

            async def close(self):
                await self.flush()
        """),
    ],
    fixAvailability: .sometimes(.safe),
    nodeKinds: [.expressionStatement])
}
