import machine
import time
import asyncio


async def main(button):
    if button.value(): await asyncio.sleep_ms(1000)
    while button.value(): await asyncio.sleep_ms(10)
