import asyncio
import machine


async def main(button, led):
    while True:
        while not button.value():
            pass
        led.toggle()
