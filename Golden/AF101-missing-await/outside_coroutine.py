import asyncio


async def blink():
    pass


def start():
    blink()
    asyncio.sleep(1)


blink()
