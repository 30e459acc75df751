# A def's decorators and defaults run where the def is, not in its body.
import asyncio


async def configure(timeout=await asyncio.sleep(0)):
    pass


def outer():
    @decorate(await asyncio.sleep(0))
    async def inner():
        await asyncio.sleep(0)

    return inner
