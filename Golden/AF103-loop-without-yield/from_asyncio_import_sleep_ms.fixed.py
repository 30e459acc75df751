from asyncio import sleep_ms, run


async def spin(poll):
    while True:
        await sleep_ms(0)
        poll()
