# A test made before the await decides a write after it.
cache = {}


async def lookup(key, fetch):
    if key not in cache:
        value = await fetch(key)
        cache[key] = value
    return cache[key]


class Pool:
    async def connection(self, open_connection):
        if self.conn is None:
            self.conn = await open_connection()
        return self.conn

    async def release(self, conn):
        while self.waiting:
            await conn.flush()
            self.waiting.pop(0)
