# An Event set by a task stays an Event: no finding.
import asyncio
from machine import Pin

ready = asyncio.Event()
flag = asyncio.ThreadSafeFlag()


def on_press(pin):
    flag.set()


Pin(14).irq(on_press)


async def relay():
    while True:
        await flag.wait()
        ready.set()


async def main():
    asyncio.create_task(relay())
    await ready.wait()
