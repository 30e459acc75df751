import asyncio
from machine import Pin

__all__ = ["shared"]

shared = asyncio.Event()
passed = asyncio.Event()
returned = asyncio.Event()


def on_edge(pin):
    shared.set()
    passed.set()
    returned.set()


Pin(1).irq(on_edge)


async def main(consumer):
    await consumer(passed)


def get_event():
    return returned
