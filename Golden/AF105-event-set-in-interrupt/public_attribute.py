# A class's public attribute is its interface to other modules (`await button.pressed.wait()`,
# `button.pressed.is_set()`): no fix.
import asyncio
from machine import Pin


class Button:
    def __init__(self, pin):
        self.pressed = asyncio.Event()
        Pin(pin).irq(self._isr)

    def _isr(self, pin):
        self.pressed.set()
