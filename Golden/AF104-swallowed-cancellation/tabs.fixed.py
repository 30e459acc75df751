import asyncio


async def blink(led):
	try:
		while True:
			await asyncio.sleep(1)
	finally:
		led.off()


async def poll(sensor):
	try:
		await sensor.read()
	except asyncio.CancelledError:
		raise
	except:
		print("failed")
