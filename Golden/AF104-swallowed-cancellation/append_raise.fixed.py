import asyncio


async def worker(queue, stats):
    try:
        await queue.get()
    except (asyncio.CancelledError, KeyboardInterrupt) as error:
        stats.stopped += 1
        print("stopped by", error)  # trailing comment
        raise


async def two_handlers(queue):
    try:
        await queue.get()
    except ValueError:
        pass
    except asyncio.CancelledError:
        # nothing to clean up
        raise
