import asyncio


async def migrate():
    await asyncio.sleep(0)


async def serve():
    await asyncio.sleep(0)


if __name__ == "__main__":
    asyncio.run(migrate())

if __name__ == "__main__":
    asyncio.run(serve())
