# Method names shared with containers, and removals that cannot fail.
import asyncio


class Hub:
    def __init__(self):
        self.flag = asyncio.Event()
        self.clients = {}
        self.waiting = set()
        self.queue = []

    async def reset(self):
        if self.flag.is_set():
            await asyncio.sleep(0)
            self.flag.clear()

    async def broadcast(self, data):
        for cid, w in list(self.clients.items()):
            try:
                await w.drain()
            except OSError:
                self.clients.pop(cid, None)

    async def forget(self, key):
        if key in self.waiting:
            await asyncio.sleep(0)
            self.waiting.discard(key)

    async def drop(self, cid):
        if cid in self.clients:
            await asyncio.sleep(0)
            self.clients.pop(cid)

    # clear() is no idempotent removal: it also drops what other tasks added during the await.
    async def flush(self):
        if self.queue:
            await asyncio.sleep(0)
            self.queue.clear()
