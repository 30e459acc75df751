import asyncio


def blink(led):
    led.on()
    await asyncio.sleep(0.1)
    led.off()


def read_all(stream):
    async with stream:
        return [line async for line in stream]


def totals(items):
    return [await item for item in items]


handler = lambda message: await message.ack()
