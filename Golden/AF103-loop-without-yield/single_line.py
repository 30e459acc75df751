import asyncio
import machine


async def spin(poll):
    while True: poll()
    while True: poll(); poll()  # twice
