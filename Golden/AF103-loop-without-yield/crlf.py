import asyncio
import machine


async def spin(sensor):
    while True:
        sensor.poll()
