"""A sleep AF102 converts is the loop's await point: only AF102's fix, no second yield."""
import asyncio
import machine
import time


async def blink(led):
    while True:
        led.toggle()
        time.sleep(0.5)


async def spin(led):
    while True:
        led.toggle()
        time.sleep_ms(1)
