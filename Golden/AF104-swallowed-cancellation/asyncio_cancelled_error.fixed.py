import asyncio


async def worker(queue):
    try:
        item = await queue.get()
        print(item)
    except asyncio.CancelledError:
        print("worker cancelled")
        raise
