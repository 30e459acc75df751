import uasyncio as asyncio


async def pump(tick):
    while 1:
        await asyncio.sleep_ms(0)
        tick()
    while "forever":
        await asyncio.sleep_ms(0)
        tick()
    while (True):
        await asyncio.sleep_ms(0)
        tick()
