# An Encoder-style class: the interrupt handler reaches `.set()` through a helper method.
import uasyncio as asyncio
from machine import Pin


class Encoder:
    def __init__(self, pin_a, pin_b):
        self._a = pin_a
        self._b = pin_b
        self._pos = 0
        self._ev = asyncio.Event()
        pin_a.irq(self._isr, Pin.IRQ_RISING | Pin.IRQ_FALLING)

    def _isr(self, pin):
        self._pos += 1 if self._a() ^ self._b() else -1
        self._trigger()

    def _trigger(self):
        self._ev.set()

    async def changed(self):
        await self._ev.wait()
        self._ev.clear()
        return self._pos
