import machine
import time
import asyncio


async def main(button):
    if button.value(): time.sleep(1)
    while button.value(): time.sleep_ms(10)
