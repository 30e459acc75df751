import asyncio

import pkg.net
from pkg import send as send_again
from pkg.net import encode, send
from pkg.util import Pause


async def main():
    await send(b"direct")
    await send_again(b"re-exported")
    await pkg.net.close()
    encode(b"sync")
    Pause()  # an awaitable class of another module
    await send(b"awaited")
    asyncio.create_task(send(b"task"))


def start():
    send(b"outside")


asyncio.run(main())
