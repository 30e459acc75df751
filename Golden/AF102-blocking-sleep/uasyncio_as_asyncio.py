import uasyncio as asyncio
import time


async def main():
    time.sleep(0.25)
