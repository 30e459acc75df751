try:
    import uasyncio as asyncio
except ImportError:
    import asyncio
from machine import Pin

ev = asyncio.Event()


def isr(pin):
    ev.set()


Pin(0).irq(isr)


async def main():
    await ev.wait()
