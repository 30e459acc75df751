import machine
import time
import asyncio


class Blinker:
    def __init__(self, pin, interval):
        self.pin = machine.Pin(pin, machine.Pin.OUT)
        self.interval = interval

    async def run(self, delay):
        time.sleep(delay)
        time.sleep(self.interval / 2)
        time.sleep_ms(self.interval)
        time.sleep(-1)  # raises at once (ValueError; OSError in MicroPython): no delay
