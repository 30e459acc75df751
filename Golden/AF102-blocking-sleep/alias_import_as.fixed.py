import utime as t
import asyncio


async def pulse(pin):
    pin.on()
    await asyncio.sleep_ms(50)
    pin.off()
    await asyncio.sleep_ms(20)
