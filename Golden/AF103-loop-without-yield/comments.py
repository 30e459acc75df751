import asyncio
import machine


async def spin(sensor):
    while True:  # main loop
        # poll the sensor
        sensor.poll()
