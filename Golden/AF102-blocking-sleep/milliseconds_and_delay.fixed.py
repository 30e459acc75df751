import pyb
import utime
import uasyncio as asyncio


async def settle(period):
    await asyncio.sleep_ms(100)
    await asyncio.sleep_ms(period)
    await asyncio.sleep_ms(250)
    await asyncio.sleep_ms(2)
    await asyncio.sleep(0.0075)
    await asyncio.sleep_ms(20)
    await asyncio.sleep(period * 1000 / 1_000_000)
    await asyncio.sleep((period + 1) / 1_000_000)
