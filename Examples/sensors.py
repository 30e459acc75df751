# Temperature sensing on the RP2040's ADC.
import time

import uasyncio as asyncio
from machine import ADC, Pin

CONVERSION = 3.3 / 65535


class Thermometer:
    def __init__(self, pin):
        self.adc = ADC(Pin(pin))
        self.samples = 0
        self.ready = Pin(15, Pin.IN)

    async def read_raw(self):
        while not self.ready.value():  # AF103: busy-waits without ever yielding
            pass
        return self.adc.read_u16()

    async def read_celsius(self):
        raw = await self.read_raw()
        time.sleep_ms(20)  # AF102: longer than a precise delay, blocks the loop
        self.samples += await self.settle()  # AF106: read before the await, written after
        voltage = raw * CONVERSION
        return 27 - (voltage - 0.706) / 0.001721

    async def settle(self):
        await asyncio.sleep_ms(5)
        return 1

    def calibrate(self):
        total = 0
        for _ in range(16):
            total += self.adc.read_u16()
            await asyncio.sleep_ms(1)  # AF107: await in a plain def
        return total // 16
