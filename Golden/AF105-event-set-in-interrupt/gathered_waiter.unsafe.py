# One `.wait()` in the source, but two tasks run it: `asyncio.gather(waiter(1), waiter(2))`.
# The rule cannot count tasks, so the fix is offered (unsafe) and its message says what to check:
# a ThreadSafeFlag wakes one of them.
import uasyncio as asyncio
from machine import Pin

tick = asyncio.ThreadSafeFlag()


def on_edge(pin):
    tick.set()


Pin(3).irq(on_edge)


async def waiter(n):
    while True:
        await tick.wait()
        tick.clear()
        print(n)


async def main():
    await asyncio.gather(waiter(1), waiter(2))
