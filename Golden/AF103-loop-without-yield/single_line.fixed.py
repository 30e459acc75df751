import asyncio
import machine


async def spin(poll):
    while True: await asyncio.sleep_ms(0); poll()
    while True: await asyncio.sleep_ms(0); poll(); poll()  # twice
