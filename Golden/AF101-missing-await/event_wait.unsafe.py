import asyncio

ready = asyncio.Event()


class Worker:
    def __init__(self):
        self.lock = asyncio.Lock()
        self.queue = asyncio.Queue()

    async def run(self):
        await ready.wait()
        await self.lock.acquire()
        await self.queue.get()
        self.lock.release()  # not a coroutine method
