from asyncio import Event, ThreadSafeFlag, gather, sleep_ms
from machine import Pin

data_ready = ThreadSafeFlag()
# Another event the fix leaves alone: the import keeps `Event` and gains `ThreadSafeFlag`.
shutdown = Event()


def on_data(pin):
    data_ready.set()


Pin(7).irq(on_data)


async def reader():
    await data_ready.wait()
    await sleep_ms(1)


async def stopper():
    await shutdown.wait()


async def main():
    await gather(reader(), stopper(), stopper())
