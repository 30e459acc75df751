# A semaphore lets several tasks in unless its value is 1; waiting on a condition lets go of it.
import asyncio


class Pool:
    def __init__(self, n):
        self.items = []
        self.slots = asyncio.Semaphore(5)
        self.gate = asyncio.BoundedSemaphore(n)
        self.mutex = asyncio.Semaphore()
        self.single = asyncio.BoundedSemaphore(value=1)
        self.cond = asyncio.Condition()

    async def many(self, f):
        async with self.slots:
            n = len(self.items)
            await f()
            self.items.append(n)

    async def unknown(self, f):
        async with self.gate:
            n = len(self.items)
            await f()
            self.items.append(n)

    async def one(self, f):
        async with self.mutex:
            n = len(self.items)
            await f()
            self.items.append(n)

    async def one_bounded(self, f):
        async with self.single:
            n = len(self.items)
            await f()
            self.items.append(n)

    async def consume(self):
        async with self.cond:
            if self.items:
                await self.cond.wait()
                self.items.pop(0)

    async def consume_rechecked(self):
        # The usual form: the test is made again after every wait.
        async with self.cond:
            while not self.items:
                await self.cond.wait()
            self.items.pop(0)

    async def grow(self):
        async with self.cond:
            size = len(self.items)
            await self.cond.wait_for(lambda: len(self.items) > size)
            self.items.append(size)

    async def trim(self, n):
        async with self.cond:
            n = len(self.items)
            await asyncio.wait_for(self.cond.wait(), 1)
            del self.items[:n]
