import asyncio
import machine


async def spin(sensor):
	while True:
		await asyncio.sleep_ms(0)
		if sensor.ready():
			sensor.read()
