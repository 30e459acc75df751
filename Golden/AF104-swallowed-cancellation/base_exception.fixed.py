import uasyncio as asyncio


async def serve(reader, log):
    try:
        await reader.readline()
    except asyncio.CancelledError:
        raise
    except BaseException as error:
        log(error)


async def single_line(reader):
    try:
        await reader.readline()
    except asyncio.CancelledError: raise
    except (ValueError, BaseException): pass
