import asyncio

import pkg.net
from pkg import send as send_again
from pkg.net import encode, send


async def main():
    await send(b"direct")
    await send_again(b"re-exported")
    await pkg.net.close()
    encode(b"sync")
    await send(b"awaited")
    asyncio.create_task(send(b"task"))


def start():
    send(b"outside")


asyncio.run(main())
