import machine
from time import sleep as nap
import asyncio


async def main():
    await asyncio.sleep_ms(500)
    await asyncio.sleep_ms(3000)
