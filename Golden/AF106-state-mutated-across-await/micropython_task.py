# A MicroPython program: two tasks share a counter through a global.
import uasyncio as asyncio
from machine import Pin

presses = 0


async def count(pin):
    global presses
    while True:
        seen = presses
        await asyncio.sleep_ms(10)
        if pin.value():
            presses = seen + 1
