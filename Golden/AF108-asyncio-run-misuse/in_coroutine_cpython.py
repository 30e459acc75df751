import asyncio


async def fetch():
    await asyncio.sleep(0.1)


async def main():
    result = asyncio.run(fetch())
    return result


asyncio.run(main())
