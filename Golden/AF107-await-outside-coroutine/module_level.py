# Top-level await: fine in the asyncio REPL, a syntax error in a module.
import asyncio

await asyncio.sleep(1)
result = [await asyncio.sleep(0) for _ in range(3)]


async def main():
    pass


async for item in main():
    pass

async with asyncio.Lock():
    pass
