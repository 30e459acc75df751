from asyncio import CancelledError as Cancelled
from uasyncio import CancelledError


async def read(reader):
    try:
        return await reader.readline()
    except Cancelled:
        pass


async def write(writer, data):
    try:
        writer.write(data)
        await writer.drain()
    except CancelledError:
        pass  # keep going
