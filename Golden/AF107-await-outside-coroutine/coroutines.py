# Await points in coroutines, and asynchronous generator expressions anywhere.
import asyncio


async def main(items, stream):
    await asyncio.sleep(0)
    async with asyncio.Lock():
        async for line in stream:
            print(line)
    values = [await item for item in items]
    nested = [[x async for x in row] for row in stream]
    return values, nested


def lines(stream):
    return (line async for line in stream)


def awaited(items):
    return (await item for item in items)


def outer():
    async def inner(x):
        await x
        return lambda: (await y for y in x)

    return inner


class Service:
    async def run(self):
        await asyncio.sleep(0)
