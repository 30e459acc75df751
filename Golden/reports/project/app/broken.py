import uasyncio as asyncio


async def main(:
    await asyncio.sleep_ms(10)
