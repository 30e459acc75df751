"""No MicroPython import: CPython, which has no sleep_ms."""
import asyncio
import time


async def fetch(client, delay):
    await asyncio.sleep(0.2)
    await asyncio.sleep(delay)
    result = await asyncio.sleep(1)
    return result
