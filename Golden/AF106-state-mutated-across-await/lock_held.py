# Held locks: await points inside them let no other locking task in.
import asyncio

lock = asyncio.Lock()
items = []


async def add(source):
    async with lock:
        n = len(items)
        await source.ready()
        items.append(n)


class Store:
    def __init__(self):
        self._mutex = asyncio.Lock()
        self._slots = asyncio.Semaphore(1)
        self._write_lock = make_lock()
        self.data = {}

    async def put(self, key, fetch):
        async with self._mutex:
            if key not in self.data:
                self.data[key] = await fetch(key)

    async def put_one(self, key, fetch):
        async with self._slots:
            if key not in self.data:
                self.data[key] = await fetch(key)

    async def put_named(self, key, fetch):
        async with self._write_lock:
            if key not in self.data:
                self.data[key] = await fetch(key)

    async def read_before_lock(self, key, fetch):
        # Read outside the lock: acquiring it is an await point of its own.
        known = key in self.data
        async with self._mutex:
            if not known:
                self.data[key] = await fetch(key)

    async def read_in_lock_write_after(self, key, fetch):
        async with self._mutex:
            size = len(self.data)
        await fetch(key)
        self.data[key] = size
