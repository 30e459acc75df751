import machine
import time
import asyncio


async def main():
    await asyncio.sleep_ms(300)  # CRLF file
