import asyncio as aio
from uasyncio import run as start


async def inner():
    pass


async def outer():
    aio.run(inner())
    start(inner())


start(outer())
