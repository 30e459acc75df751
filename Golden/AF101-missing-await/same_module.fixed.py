"""A coroutine function of the same module called without await."""
import asyncio


async def send(data):
    await asyncio.sleep(0)


async def main():
    await send(b"hello")  # dropped: never sent
    (await send(b"bracketed"))
    while True:
        # The inserted await is this loop's yield: AF103 adds nothing.
        await send(b"tick")


async def nested():
    async def helper():
        pass

    await helper()
