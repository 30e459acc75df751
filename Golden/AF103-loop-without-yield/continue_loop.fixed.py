import asyncio
from machine import UART

uart = UART(0)


async def serve(handle):
    while True:
        await asyncio.sleep_ms(0)
        if not uart.any():
            continue
        handle(uart.read())
