from asyncio import sleep_ms
import time


async def main(delay):
    time.sleep(0.2)
    time.sleep(delay)
