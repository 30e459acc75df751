from asyncio import ThreadSafeFlag, sleep_ms
from machine import Pin

data_ready = ThreadSafeFlag()


def on_data(pin):
    data_ready.set()


Pin(7).irq(on_data)


async def reader():
    await data_ready.wait()
    await sleep_ms(1)
