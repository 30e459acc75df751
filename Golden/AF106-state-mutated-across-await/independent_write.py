# Writes that do not depend on the read before the await.
class Connection:
    async def close(self, transport):
        if self.closed:
            return
        await transport.drain()
        self.closed = True

    async def run(self, work):
        if self.busy:
            raise RuntimeError("busy")
        self.busy = True
        try:
            await work()
        finally:
            self.busy = False

    async def wait(self, future):
        if self.waiters is None:
            self.waiters = []
        self.waiters.append(future)
        try:
            await future
        finally:
            self.waiters.remove(future)
