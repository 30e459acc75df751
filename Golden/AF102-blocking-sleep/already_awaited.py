import asyncio
import time


async def main():
    # Already awaited (a TypeError when it runs): the fix must not await twice.
    await time.sleep(0.1)
    x = await (time.sleep(2))  # trailing comment kept
    y = (await time.sleep(3)) or 1
    return x, y


async def commented():
    # Comments between the await and the call stay where they are.
    await (  # the hardware needs a pause here
        time.sleep(0.5)
    )
