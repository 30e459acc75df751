import uasyncio as asyncio


async def setup():
    await asyncio.sleep_ms(10)


async def main():
    await asyncio.sleep_ms(10)


asyncio.run(setup())
asyncio.run(main())
