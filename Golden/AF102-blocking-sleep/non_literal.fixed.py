import machine
import time
import asyncio


class Blinker:
    def __init__(self, pin, interval):
        self.pin = machine.Pin(pin, machine.Pin.OUT)
        self.interval = interval

    async def run(self, delay):
        await asyncio.sleep(delay)
        await asyncio.sleep(self.interval / 2)
        await asyncio.sleep_ms(self.interval)
        time.sleep(-1)  # raises at once (ValueError; OSError in MicroPython): no delay
