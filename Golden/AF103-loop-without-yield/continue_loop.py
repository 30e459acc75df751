import asyncio
from machine import UART

uart = UART(0)


async def serve(handle):
    while True:
        if not uart.any():
            continue
        handle(uart.read())
