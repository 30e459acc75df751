import uasyncio as asyncio


async def pulse(pin):
    pin.on()
    asyncio.sleep_ms(100)
    pin.off()
    asyncio.gather(pulse(pin))  # MicroPython's gather is a coroutine function


def legacy():
    yield


async def main():
    legacy()  # a generator is a coroutine in MicroPython
