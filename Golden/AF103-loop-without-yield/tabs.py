import asyncio
import machine


async def spin(sensor):
	while True:
		if sensor.ready():
			sensor.read()
