import asyncio
import contextlib


async def send(data):
    pass


async def ticker():
    yield 1


@contextlib.asynccontextmanager
async def session():
    yield


def helper():
    yield 1


class Sync:
    def send(self):
        pass

    def run(self):
        self.send()


async def main(send_later):
    await send(b"awaited")
    task = asyncio.create_task(send(b"task"))
    await asyncio.gather(send(b"a"), send(b"b"))
    await asyncio.wait_for(send(b"c"), 1)
    pending = send(b"stored")
    await pending
    send_later(b"a parameter")
    ticker()  # an async generator is iterated, not awaited
    session()  # decorated: returns a context manager
    helper()  # a generator in a CPython file: not awaitable
    Sync().run()
    return send(b"returned")


async def shadowed():
    def send(data):
        print(data)

    send(b"sync")


async def produce():
    yield send(b"yielded")


asyncio.run(main(print))
