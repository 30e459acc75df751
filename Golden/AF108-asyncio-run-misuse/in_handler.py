import asyncio
import micropython
from machine import Pin


async def report():
    await asyncio.sleep_ms(1)


def on_press(pin):
    asyncio.run(report())


def deferred(_):
    start()


def start():
    asyncio.run(report())


Pin(14).irq(on_press)
micropython.schedule(deferred, 0)
