import asyncio
from asyncio import sleep as nap


async def blink(led):
    while True:
        led.toggle()
        asyncio.sleep(0.5)


async def settle():
    nap(1)
    asyncio.wait_for(settle(), 1)
    asyncio.gather(settle())  # CPython's gather schedules its arguments: not a finding
