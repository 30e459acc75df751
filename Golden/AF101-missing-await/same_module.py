"""A coroutine function of the same module called without await."""
import asyncio


async def send(data):
    await asyncio.sleep(0)


async def main():
    send(b"hello")  # dropped: never sent
    (send(b"bracketed"))
    while True:
        # The inserted await is this loop's yield: AF103 adds nothing.
        send(b"tick")


async def nested():
    async def helper():
        pass

    helper()
