import asyncio


async def read_once(reader):
    try:
        return await reader.read(10)
    except asyncio.CancelledError:
        return None


async def pump(queue, handle):
    while True:
        try:
            item = await queue.get()
        except asyncio.CancelledError:
            break
        handle(item)


async def retry(connect):
    for attempt in range(3):
        try:
            await connect()
        except asyncio.CancelledError:
            if attempt < 2:
                continue
            raise


async def base(connect):
    try:
        await connect()
    except BaseException:
        return False
    return True
