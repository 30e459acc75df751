from asyncio import Event, ThreadSafeFlag, sleep_ms
from machine import Pin

data_ready = ThreadSafeFlag()


# A string annotation still names `Event`: the import keeps it and gains `ThreadSafeFlag`.
def describe(event: "Event") -> str:
    return repr(event)


def on_data(pin):
    data_ready.set()


Pin(7).irq(on_data)


async def reader():
    await data_ready.wait()
    await sleep_ms(1)
