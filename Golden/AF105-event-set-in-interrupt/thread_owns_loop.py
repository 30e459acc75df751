import asyncio
import threading


# asyncpg's fuzzer shape: the thread makes and runs its own event loop, so an Event it sets
# belongs to the loop of the same thread.
class Proxy:
    def start(self):
        self.thread = threading.Thread(target=self._run)
        self.thread.start()

    def _run(self):
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self.loop)
        self.ready = asyncio.Event()
        self.ready.set()
        self.loop.run_until_complete(self._main())

    async def _main(self):
        await self.ready.wait()


# A thread without a loop of its own sets the main loop's Event: reported.
done = asyncio.Event()


def worker():
    done.set()


threading.Thread(target=worker).start()


async def main():
    await done.wait()
