from asyncio import sleep_ms
import time
import asyncio


async def main(delay):
    await sleep_ms(200)
    await asyncio.sleep(delay)
