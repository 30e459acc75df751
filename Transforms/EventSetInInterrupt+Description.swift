import Engine
import PythonSyntax

extension EventSetInInterrupt {
  public static let description = RuleDescription(
    code: "AF105", name: "event-set-in-interrupt",
    summary: "`asyncio.Event.set()` in an interrupt handler, scheduled callback or thread is not safe",
    rationale: """
      An `asyncio.Event` belongs to the event loop: `set()` moves its waiting tasks onto the \
      scheduler's queue. Called from an interrupt handler (`Pin.irq`, a timer callback), a \
      `micropython.schedule` callback or another thread, it can run while the loop itself is \
      changing that queue, and it does not wake a loop that is sleeping in its poller: the waiting \
      task only runs when the loop next wakes for something else, which may be much later. \
      MicroPython's own `Event.set()` says it must be called only from the thread running the \
      loop, never from a hard or soft interrupt or another thread. Its `ThreadSafeFlag` is made \
      for this: the loop polls it, and `set()` is safe from anywhere.

      Handlers are found through their registrations (`.irq(…)` on any receiver, `machine.Timer` \
      and `pyb.Timer` callbacks, `pyb.ExtInt`, `pyb.Switch().callback`, `micropython.schedule`, \
      `_thread.start_new_thread`, OpenMV's camera callbacks, CPython's `threading.Thread`, \
      `threading.Timer`, `asyncio.to_thread` and `run_in_executor`, and the `interrupt-registrars` of the \
      configuration) and followed through the calls they make in the module \
      (`self._isr` → `self._trigger()` → `self._ev.set()`). The event is recognised by its \
      construction: a module global, a closure variable or `self.attr` made by `asyncio.Event()`. \
      An event set only by tasks is fine and not reported, and so is one a thread sets in the \
      function where it makes its own loop (`asyncio.new_event_loop()`, `asyncio.run(…)`).

      The fix (unsafe) builds a `ThreadSafeFlag` instead. It differs from an Event: it serves one \
      waiter, clears itself when `wait()` returns, and has no `is_set()`. So there is no fix when \
      more than one place waits on the event, when `is_set()` is used, when the event leaves the \
      module's sight (passed to a call, returned, stored elsewhere, exported in `__all__`, a \
      public attribute of a class such as `self.pressed`), or when \
      the file targets CPython, which has no ThreadSafeFlag: there, set the event from the loop's \
      thread with `loop.call_soon_threadsafe(ev.set)`. One `.wait()` in the source can still be \
      several waiters (a coroutine gathered twice, or started in a loop): the fix's message asks \
      you to check.
      """,
    triggeringExamples: [
      RuleExample(
        """
        import asyncio
        from machine import Pin

        pressed = asyncio.Event()

        def on_press(pin):
            ↓pressed.set()

        Pin(14, Pin.IN).irq(trigger=Pin.IRQ_FALLING, handler=on_press)
        """),
      RuleExample(
        """
        import uasyncio as asyncio

        class Encoder:
            def __init__(self, pin):
                self._ev = asyncio.Event()
                pin.irq(self._isr)

            def _isr(self, pin):
                self._trigger()

            def _trigger(self):
                ↓self._ev.set()
        """),
      RuleExample(
        """
        import asyncio
        import micropython

        ready = asyncio.Event()
        micropython.schedule(lambda _: ↓ready.set(), 0)
        """),
      RuleExample(
        """
        import asyncio
        import _thread

        done = asyncio.Event()

        def worker():
            ↓done.set()

        _thread.start_new_thread(worker, ())
        """, target: .cpython),
      RuleExample(
        """
        import asyncio
        import threading

        stop = asyncio.Event()
        threading.Timer(5.0, ↓stop.set).start()
        """),
    ],
    nonTriggeringExamples: [
      RuleExample(
        """
        import asyncio

        ready = asyncio.Event()

        async def producer():
            ready.set()
        """),
      RuleExample(
        """
        import asyncio
        from machine import Pin

        flag = asyncio.ThreadSafeFlag()

        def on_press(pin):
            flag.set()

        Pin(14).irq(on_press)
        """),
      RuleExample(
        """
        import asyncio
        from primitives import Delay_ms

        ready = asyncio.Event()

        def expired():
            ready.set()

        Delay_ms(duration=100).callback(expired)
        """),
      RuleExample(
        """
        import threading
        from machine import Pin

        stop = threading.Event()
        Pin(14).irq(lambda pin: stop.set())
        """),
    ],
    corrections: [
      RuleCorrection(
        """
        import uasyncio as asyncio
        from machine import Pin

        pressed = asyncio.Event()

        def on_press(pin):
            ↓pressed.set()

        Pin(14).irq(on_press)
        """,
        """
        import uasyncio as asyncio
        from machine import Pin

        pressed = asyncio.ThreadSafeFlag()

        def on_press(pin):
            pressed.set()

        Pin(14).irq(on_press)
        """),
      RuleCorrection(
        """
        from asyncio import Event
        import micropython

        ready = Event()

        def on_tick(_):
            ↓ready.set()

        micropython.schedule(on_tick, 0)
        """,
        """
        from asyncio import ThreadSafeFlag
        import micropython

        ready = ThreadSafeFlag()

        def on_tick(_):
            ready.set()

        micropython.schedule(on_tick, 0)
        """),
    ],
    fixAvailability: .sometimes(.unsafe),
    nodeKinds: [.call, .attribute])
}
