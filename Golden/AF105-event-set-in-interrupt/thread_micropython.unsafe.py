import _thread
import uasyncio as asyncio

done = asyncio.ThreadSafeFlag()
started = asyncio.ThreadSafeFlag()


def worker(n):
    total = sum(range(n))
    done.set()


async def main():
    _thread.start_new_thread(started.set, ())
    _thread.start_new_thread(worker, (1000,))
    await started.wait()
    await done.wait()
