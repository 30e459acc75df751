import uasyncio as asyncio


async def blink():
    pass


def old_style():
    blink()
    yield
