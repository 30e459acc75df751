import asyncio
import machine


async def spin(sensor):
    while True:  # main loop
        await asyncio.sleep_ms(0)
        # poll the sensor
        sensor.poll()
