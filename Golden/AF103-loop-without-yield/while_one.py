import uasyncio as asyncio


async def pump(tick):
    while 1:
        tick()
    while "forever":
        tick()
    while (True):
        tick()
