import Engine
import PythonSyntax

extension BlockingSleep {
  public static let description = RuleDescription(
    code: "AF102", name: "blocking-sleep",
    summary: "`time.sleep()`, `sleep_ms`, `sleep_us` or `pyb.delay` inside a coroutine blocks every task",
    rationale: """
      asyncio runs all tasks on one thread and switches between them only at await points. \
      `time.sleep()` (and MicroPython's `time.sleep_ms`, `time.sleep_us`, `pyb.delay`) sleeps the \
      whole thread: while one coroutine sleeps, no other task runs, no stream is serviced and no \
      timeout fires. Awaiting asyncio's sleep instead suspends only the calling task.

      On MicroPython, a literal delay in seconds becomes `await asyncio.sleep_ms(N)` with N the \
      exact number of milliseconds (`0.2` → `200`); a non-literal one becomes \
      `await asyncio.sleep(x)`, since `sleep_ms` takes integers only. `sleep_ms(n)` and \
      `pyb.delay(n)` become `await asyncio.sleep_ms(n)`. CPython has no `sleep_ms`: there the fix \
      is `await asyncio.sleep(x)` and `sleep_ms(n)` becomes `await asyncio.sleep(n / 1000)`. \
      `sleep_ms`/`sleep_us` of at most `precise-delay-ms` milliseconds (default 5) are left \
      alone: such short delays are deliberate precise timing, which the event loop cannot give. \
      So is a negative number of seconds (`time.sleep(-1)`): it raises at once instead of \
      sleeping, and `asyncio.sleep(-1)` would return instead.

      The fix uses the file's own name for asyncio (`asyncio`, `uasyncio`, or a name imported \
      from it) and adds `import asyncio` when the file has none. MicroPython names the module \
      `asyncio` since 1.21 (October 2023); for older firmware, which has only `uasyncio`, write \
      `import uasyncio as asyncio` and the fix uses that.
      """,
    triggeringExamples: [
      RuleExample(
        """
        import time

        async def blink(led):
            while True:
                led.toggle()
                ↓time.sleep(0.5)
        """),
      RuleExample(
        """
        import utime as t

        async def pulse(pin):
            pin.on()
            ↓t.sleep_ms(100)
            pin.off()
        """),
      RuleExample(
        """
        from time import sleep as nap

        async def main():
            ↓nap(1)
        """),
      RuleExample(
        """
        import pyb

        async def settle():
            ↓pyb.delay(50)
        """),
      RuleExample(
        """
        try:
            import utime as time
        except ImportError:
            import time

        async def wait(seconds):
            ↓time.sleep(seconds)
        """),
      RuleExample(
        """
        import time

        async def samples(sensor):
            return [(↓time.sleep(0.1), sensor.read())[1] for _ in range(3)]
        """),
      RuleExample(
        """
        import time

        async def settle(n):
            if n: ↓time.sleep_us(20_000)
        """),
    ],
    nonTriggeringExamples: [
      RuleExample(
        """
        import time

        def blocking_blink(led):
            led.toggle()
            time.sleep(0.5)
        """),
      RuleExample(
        """
        import time

        async def bit_bang(pin):
            pin.on()
            time.sleep_us(40)
            pin.off()
            time.sleep_ms(2)
        """),
      RuleExample(
        """
        import time

        async def main():
            def worker():
                time.sleep(1)
            return worker
        """),
      RuleExample(
        """
        import time

        async def main(time):
            time.sleep(1)
        """),
      RuleExample(
        """
        import asyncio

        async def main():
            await asyncio.sleep(1)
        """),
      RuleExample(
        """
        import time

        async def main():
            sleep = lambda: time.sleep(1)
            return sleep
        """),
    ],
    corrections: [
      RuleCorrection(
        """
        import machine
        import time
        import asyncio

        async def blink(led):
            led.on()
            ↓time.sleep(0.2)  # short flash
            led.off()
            ↓time.sleep(1.5)
        """,
        """
        import machine
        import time
        import asyncio

        async def blink(led):
            led.on()
            await asyncio.sleep_ms(200)  # short flash
            led.off()
            await asyncio.sleep_ms(1500)
        """),
      RuleCorrection(
        """
        import utime as t

        async def pulse(pin, period):
            pin.on()
            ↓t.sleep(0.0001)
            pin.off()
            ↓t.sleep_ms(period)
        """,
        """
        import utime as t
        import asyncio

        async def pulse(pin, period):
            pin.on()
            await asyncio.sleep(0.0001)
            pin.off()
            await asyncio.sleep_ms(period)
        """),
      RuleCorrection(
        """
        import uasyncio as asyncio
        import pyb
        import time

        async def settle():
            ↓pyb.delay(250)
            ↓time.sleep_us(7500)
        """,
        """
        import uasyncio as asyncio
        import pyb
        import time

        async def settle():
            await asyncio.sleep_ms(250)
            await asyncio.sleep(0.0075)
        """),
      RuleCorrection(
        """
        from asyncio import sleep_ms
        from time import sleep as nap

        async def main():
            ↓nap(2)
        """,
        """
        from asyncio import sleep_ms
        from time import sleep as nap

        async def main():
            await sleep_ms(2000)
        """),
      RuleCorrection(
        """
        \"""A CPython service.\"""
        import time

        async def poll(client, delay):
            ↓time.sleep(delay)
            ok = ↓time.sleep(0.2) or client.ready
            return ok
        """,
        """
        \"""A CPython service.\"""
        import time
        import asyncio

        async def poll(client, delay):
            await asyncio.sleep(delay)
            ok = (await asyncio.sleep(0.2)) or client.ready
            return ok
        """),
      RuleCorrection(
        """
        import time

        async def wait(n):
            ↓time.sleep_ms(n + 1)
        """,
        """
        import time
        import asyncio

        async def wait(n):
            await asyncio.sleep((n + 1) / 1000)
        """, target: .cpython),
    ],
    fixAvailability: .sometimes(.safe),
    nodeKinds: [.call])
}
