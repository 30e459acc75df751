# CPython: a thread started with _thread sets an asyncio.Event (no ThreadSafeFlag there).
import _thread
import asyncio

finished = asyncio.Event()


def worker():
    finished.set()


async def main():
    _thread.start_new_thread(worker, ())
    await finished.wait()


asyncio.run(main())
