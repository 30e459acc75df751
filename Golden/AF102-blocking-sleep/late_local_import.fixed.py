import time


async def f():
    # asyncio is local to f (imported below): naming it here would raise UnboundLocalError.
    time.sleep(0.1)
    import asyncio
    await asyncio.sleep(0)


async def g():
    import asyncio
    await asyncio.sleep(0.2)
    await asyncio.sleep(0)
