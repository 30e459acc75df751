import asyncio


async def worker(queue, log):
    try:
        await queue.get()
    except asyncio.CancelledError:
        raise
    except BaseException:
        log("stopped")


async def reader(stream):
    try:
        await stream.read()
    except (OSError, asyncio.CancelledError):
        print("closed")
        raise
