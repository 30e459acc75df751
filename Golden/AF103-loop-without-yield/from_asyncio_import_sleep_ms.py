from asyncio import sleep_ms, run


async def spin(poll):
    while True:
        poll()
