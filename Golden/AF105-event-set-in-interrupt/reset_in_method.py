# The event is rebuilt by `reset()` and dropped by `close()`: both constructions change
# together, and the `None` store does not stand in the way.
import asyncio
from machine import Pin


class Sensor:
    def __init__(self, pin):
        self._ready = asyncio.Event()
        pin.irq(self._on_ready)

    def reset(self):
        self._ready = asyncio.Event()

    def close(self):
        self._ready = None

    def _on_ready(self, pin):
        self._ready.set()

    async def read(self):
        await self._ready.wait()
