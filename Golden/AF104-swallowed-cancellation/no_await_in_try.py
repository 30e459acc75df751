import asyncio


async def parse(text):
    try:
        value = int(text)
    except BaseException:
        value = 0
    await asyncio.sleep(0)
    return value


async def nested(queue):
    try:
        async def inner():
            await queue.get()
    except asyncio.CancelledError:
        pass
