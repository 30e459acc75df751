import asyncio
from machine import Pin

ready = asyncio.Event()
Pin(5).irq(lambda pin: ready.set())


async def main():
    await ready.wait()
