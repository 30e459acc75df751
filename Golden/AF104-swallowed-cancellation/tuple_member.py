import asyncio


async def fetch(stream):
    try:
        data = await stream.read(64)
    except (OSError, asyncio.CancelledError):
        data = b""
    return data


async def fetch_later_handler(stream):
    try:
        return await stream.read(64)
    except ValueError:
        return None
    except (OSError, TimeoutError, asyncio.CancelledError):
        print("stopped")
