import asyncio
import machine

ready = False


class Device:
    def __init__(self, uart):
        self.uart = uart
        self.ready = False

    async def wait_ready(self):
        while not self.ready:
            pass

    async def wait_data(self, led):
        while not self.uart.any():
            led.toggle()


async def wait_global():
    while not ready:
        pass


async def wait_local():
    done = False
    while not done:
        print("waiting")
