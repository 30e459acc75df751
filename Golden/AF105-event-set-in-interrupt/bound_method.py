import asyncio
from machine import Pin


class Button:
    def __init__(self, pin):
        self._pressed = asyncio.Event()
        self._pin = Pin(pin, Pin.IN)
        self._pin.irq(handler=self._isr)

    def _isr(self, pin):
        self._pressed.set()

    async def pressed(self):
        await self._pressed.wait()
        self._pressed.clear()
