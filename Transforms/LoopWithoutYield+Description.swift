import Engine
import PythonSyntax

extension LoopWithoutYield {
  public static let description = RuleDescription(
    code: "AF103", name: "loop-without-yield",
    summary:
      "A loop in a coroutine that never awaits and can run unboundedly, or makes blocking calls, starves other tasks",
    rationale: """
      A coroutine gives the event loop a turn only at an await point. A `while True:` loop, or a \
      loop polling a flag, a pin or a UART (`while not uart.any(): pass`), that never awaits keeps \
      the thread to itself: no other task runs, so the task that would set the flag never does, \
      and the program hangs or its other tasks stall for as long as the loop spins.

      Loops whose own body changes what their condition reads (a counter, a queue they pop, a \
      method of the object they test) are bounded and not reported; neither is a loop whose body \
      always leaves in its first iteration. A blocking sleep in the body that AF102 converts \
      counts as the loop's await point.

      A `for` loop ends after its items, but one whose body makes a long synchronous call \
      (AF109's list: a camera frame, a socket read, an HTTP request) holds the thread for all of \
      them: `for i in range(100): sensor.snapshot().save(…)` stops every task for a hundred \
      frames. Such a loop without an await point is reported too; a `for` loop without blocking \
      calls is not.

      The fix inserts `await asyncio.sleep_ms(0)` (CPython: `await asyncio.sleep(0)`) as the first \
      statement of the body, so that every iteration yields, including those that end in \
      `continue`.
      """,
    triggeringExamples: [
      RuleExample(
        """
        async def spin(sensor):
            ↓while True:
                sensor.poll()
        """),
      RuleExample(
        """
        async def wait_ready(self):
            ↓while not self.ready:
                pass
        """),
      RuleExample(
        """
        async def wait_for_data(uart, led):
            ↓while not uart.any():
                led.toggle()
        """),
      RuleExample(
        """
        async def pump(tick):
            ↓while 1: tick()
        """),
      RuleExample(
        """
        async def serve(queue, handle):
            ↓while True:
                item = queue.get_nowait()
                if item is None:
                    continue
                handle(item)
        """),
      RuleExample(
        """
        import sensor

        async def burst(n):
            ↓for i in range(n):
                sensor.snapshot().save("/sd/%d.jpg" % i)
        """),
    ],
    nonTriggeringExamples: [
      RuleExample(
        """
        import asyncio

        async def blink(led):
            while True:
                led.toggle()
                await asyncio.sleep(0.5)
        """),
      RuleExample(
        """
        async def count():
            n = 0
            while n < 10:
                n += 1
        """),
      RuleExample(
        """
        async def drain(queue, handle):
            while queue:
                handle(queue.pop())
        """),
      RuleExample(
        """
        async def run(self):
            while self.running:
                self.step()
        """),
      RuleExample(
        """
        import time

        async def blink(led):
            while True:
                led.toggle()
                time.sleep(0.5)
        """),
      RuleExample(
        """
        async def first(reader):
            while True:
                line = reader.readline()
                break
        """),
      RuleExample(
        """
        def spin():
            while True:
                pass
        """),
      RuleExample(
        """
        async def main():
            def worker():
                while True:
                    pass
            return worker
        """),
      RuleExample(
        """
        async def blink(leds):
            for led in leds:
                led.toggle()
        """),
      RuleExample(
        """
        import asyncio
        import sensor

        async def burst(n):
            for i in range(n):
                sensor.snapshot().save("/sd/%d.jpg" % i)
                await asyncio.sleep_ms(0)
        """),
    ],
    corrections: [
      RuleCorrection(
        """
        import asyncio

        async def spin(sensor):
            ↓while True:
                # poll the sensor
                sensor.poll()
        """,
        """
        import asyncio

        async def spin(sensor):
            while True:
                await asyncio.sleep(0)
                # poll the sensor
                sensor.poll()
        """),
      RuleCorrection(
        """
        import uasyncio as asyncio

        async def wait_ready(self):
            ↓while not self.ready: pass
        """,
        """
        import uasyncio as asyncio

        async def wait_ready(self):
            while not self.ready: await asyncio.sleep_ms(0); pass
        """),
      RuleCorrection(
        """
        from machine import UART

        async def serve(uart, handle):
            ↓while True:
                if not uart.any():
                    continue
                handle(uart.read())
        """,
        """
        from machine import UART
        import asyncio

        async def serve(uart, handle):
            while True:
                await asyncio.sleep_ms(0)
                if not uart.any():
                    continue
                handle(uart.read())
        """),
      RuleCorrection(
        """
        import asyncio
        import socket

        async def send_all(chunks):
            s = socket.socket()
            ↓for chunk in chunks:
                if not chunk:
                    continue
                s.send(chunk)
        """,
        """
        import asyncio
        import socket

        async def send_all(chunks):
            s = socket.socket()
            for chunk in chunks:
                await asyncio.sleep(0)
                if not chunk:
                    continue
                s.send(chunk)
        """),
    ],
    fixAvailability: .sometimes(.safe),
    nodeKinds: [.whileStatement, .forStatement])
}
