import asyncio


async def worker(queue):
    try:
        item = await queue.get()
        print(item)
    finally:
        print("worker cancelled")
