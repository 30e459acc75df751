# The event is rebuilt by `reset()`: both constructions change together.
import asyncio
from machine import Pin


class Sensor:
    def __init__(self, pin):
        self.ready = None
        self.reset()
        pin.irq(self._on_ready)

    def reset(self):
        self.ready = asyncio.ThreadSafeFlag()

    def _on_ready(self, pin):
        self.ready.set()

    async def read(self):
        await self.ready.wait()
