import uasyncio as asyncio


async def blink(led):
    while True:
        led.toggle()
        await asyncio.sleep_ms(250)
