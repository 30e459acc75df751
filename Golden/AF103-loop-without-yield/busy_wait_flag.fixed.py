import asyncio
import machine

ready = False


class Device:
    def __init__(self, uart):
        self.uart = uart
        self.ready = False

    async def wait_ready(self):
        while not self.ready:
            await asyncio.sleep_ms(0)
            pass

    async def wait_data(self, led):
        while not self.uart.any():
            await asyncio.sleep_ms(0)
            led.toggle()


async def wait_global():
    while not ready:
        await asyncio.sleep_ms(0)
        pass


async def wait_local():
    done = False
    while not done:
        await asyncio.sleep_ms(0)
        print("waiting")
