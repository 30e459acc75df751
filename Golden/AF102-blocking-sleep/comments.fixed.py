import machine
import time
import asyncio


async def main():
    await asyncio.sleep_ms(500)  # wait for the sensor
    await asyncio.sleep_ms(  # settle
        1000,  # one second
    )
    await asyncio.sleep_ms(2000)  # odd spacing
