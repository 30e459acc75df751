# A constant stored under a test made before the await: the value does not depend on what was
# read, so the write is the same whatever other tasks did in between.
import asyncio


class Session:
    async def loop(self, q):
        while not self.stopped:
            msg = await q.get()
            if msg is None:
                self.stopped = True

    async def send(self):
        if self.connected:
            try:
                await self.writer.drain()
            except OSError:
                self.connected = False
                self.retries = -1
                self.state: str = "closed"

    async def connect(self, open_connection):
        # The value comes from the await, not a constant: still a check-then-act.
        if self.conn is None:
            self.conn = await open_connection()

    async def count(self, source):
        # A constant added to a stale value is no constant write.
        if self.n < 10:
            await source
            self.n += 1
