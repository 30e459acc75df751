import asyncio


async def blink(led):
    try:
        while True:
            led.toggle()
            await asyncio.sleep_ms(500)
    except asyncio.CancelledError:
        led.off()
