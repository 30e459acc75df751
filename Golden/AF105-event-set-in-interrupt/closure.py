import asyncio
from machine import Pin


def make_watcher(pin):
    ev = asyncio.Event()

    def isr(p):
        ev.set()

    pin.irq(isr)

    async def wait():
        await ev.wait()

    return wait
