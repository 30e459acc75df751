import asyncio


async def blink(led):
	try:
		while True:
			await asyncio.sleep(1)
	except asyncio.CancelledError:
		led.off()


async def poll(sensor):
	try:
		await sensor.read()
	except:
		print("failed")
