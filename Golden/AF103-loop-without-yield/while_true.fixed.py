import asyncio
from machine import Pin

led = Pin(25, Pin.OUT)


async def heartbeat():
    while True:
        await asyncio.sleep_ms(0)
        led.toggle()
