"""`for` loops with blocking calls that still yield each pass: an await, a sleep AF102 converts,
or calls that are not the loop body's own (a nested def, the `else` clause, an `async for`)."""
import asyncio
import time

import sensor


async def capture(count):
    for i in range(count):
        sensor.snapshot()
        await asyncio.sleep_ms(0)


async def sleepy(count):
    for i in range(count):
        sensor.snapshot()
        time.sleep(1)


async def later(count):
    for i in range(count):
        def grab():
            return sensor.snapshot()
    else:
        sensor.snapshot()


async def frames():
    async for frame in source():
        sensor.snapshot()


def sync_capture(count):
    for i in range(count):
        sensor.snapshot()
