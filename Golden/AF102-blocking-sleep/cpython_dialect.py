"""No MicroPython import: CPython, which has no sleep_ms."""
import asyncio
import time


async def fetch(client, delay):
    time.sleep(0.2)
    time.sleep(delay)
    result = time.sleep(1)
    return result
