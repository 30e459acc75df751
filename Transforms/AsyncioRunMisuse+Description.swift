import Engine
import PythonSyntax

extension AsyncioRunMisuse {
  public static let description = RuleDescription(
    code: "AF108", name: "asyncio-run-misuse",
    summary: "`asyncio.run()` inside a running event loop, in an interrupt handler, or twice at top level",
    rationale: """
      `asyncio.run()` starts the event loop and blocks until its coroutine finishes. Called where \
      the loop is already running (in a coroutine, in a function a coroutine calls, in an \
      interrupt handler that fires while the loop runs) it cannot work: CPython raises \
      `RuntimeError: asyncio.run() cannot be called from a running event loop`; MicroPython has no \
      such check, re-enters its single loop and corrupts it (the unix port crashes). Inside a \
      coroutine, `await` the coroutine instead; from an interrupt, wake a task with a \
      `ThreadSafeFlag`.

      A second `asyncio.run()` at module level is a quieter pitfall. MicroPython keeps one loop: \
      tasks the first run left behind resume during the second unless `asyncio.new_event_loop()` \
      resets it in between. CPython starts a new loop, and tasks, Events, Locks or Queues of the \
      first run cannot be used on it. Run one main coroutine that awaits both. Runs in different \
      branches of an `if` (or `match`, or `except` clauses) are not reported, nor is the cleanup \
      pattern: a run in the `except` or `finally` of a `try` whose body holds the first.

      A CPython thread may run a loop of its own, so `asyncio.run()` in a function run in \
      another thread (`_thread.start_new_thread`, `threading.Thread`, `asyncio.to_thread`) is \
      reported for MicroPython only. There is no automatic fix.
      """,
    triggeringExamples: [
      RuleExample(
        """
        import asyncio

        async def main():
            ↓asyncio.run(connect())
        """),
      RuleExample(
        """
        import uasyncio as asyncio

        def reconnect():
            ↓asyncio.run(connect())

        async def main():
            reconnect()
        """),
      RuleExample(
        """
        import asyncio
        from machine import Pin

        def on_press(pin):
            ↓asyncio.run(report())

        Pin(14).irq(on_press)
        """),
      RuleExample(
        """
        import asyncio

        asyncio.run(setup())
        ↓asyncio.run(main())
        """),
    ],
    nonTriggeringExamples: [
      RuleExample(
        """
        import asyncio

        async def main():
            await connect()

        asyncio.run(main())
        """),
      RuleExample(
        """
        import asyncio

        try:
            asyncio.run(main())
        finally:
            asyncio.run(shutdown())
        """),
      RuleExample(
        """
        import asyncio
        import sys

        if sys.argv[1:] == ["test"]:
            asyncio.run(self_test())
        else:
            asyncio.run(main())
        """),
      RuleExample(
        """
        import asyncio

        def main():
            asyncio.run(serve())

        if __name__ == "__main__":
            main()
        """),
      RuleExample(
        """
        import asyncio
        import threading

        def worker():
            asyncio.run(poll())

        threading.Thread(target=worker).start()
        """),
    ],
    corrections: [],
    fixAvailability: .none,
    nodeKinds: [.call])
}
