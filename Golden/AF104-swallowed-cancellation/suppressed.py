import asyncio


async def worker(queue):
    try:
        await queue.get()
    except asyncio.CancelledError:  # asyncfix: ignore[AF104]
        pass
