import uasyncio as asyncio


async def connect():
    await asyncio.sleep_ms(10)


async def main():
    asyncio.run(connect())  # the loop is already running


asyncio.run(main())
