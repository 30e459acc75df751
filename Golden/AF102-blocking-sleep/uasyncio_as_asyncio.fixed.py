import uasyncio as asyncio
import time


async def main():
    await asyncio.sleep_ms(250)
