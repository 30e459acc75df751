import pyb
import utime
import uasyncio as asyncio


async def settle(period):
    utime.sleep_ms(100)
    utime.sleep_ms(period)
    pyb.delay(250)
    pyb.delay(2)
    utime.sleep_us(7500)
    utime.sleep_us(20_000)
    utime.sleep_us(period * 1000)
    utime.sleep_us(period + 1)
