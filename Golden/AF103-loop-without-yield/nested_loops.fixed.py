import asyncio
import machine


async def main(button, led):
    while True:
        await asyncio.sleep_ms(0)
        while not button.value():
            await asyncio.sleep_ms(0)
            pass
        led.toggle()
