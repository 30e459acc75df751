import uasyncio as asyncio


async def serve(reader, log):
    try:
        await reader.readline()
    except BaseException as error:
        log(error)


async def single_line(reader):
    try:
        await reader.readline()
    except (ValueError, BaseException): pass
