import uasyncio


async def blink(led):
    try:
        while True:
            led.toggle()
            await uasyncio.sleep_ms(500)
    finally:
        led.off()
