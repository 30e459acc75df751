import asyncio

ready = asyncio.Event()


class Worker:
    def __init__(self):
        self.lock = asyncio.Lock()
        self.queue = asyncio.Queue()

    async def run(self):
        ready.wait()
        self.lock.acquire()
        self.queue.get()
        self.lock.release()  # not a coroutine method
