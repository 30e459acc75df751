import machine
import time
import asyncio


async def main(ready):
	if ready:
		await asyncio.sleep_ms(400)
	else:
		await asyncio.sleep_ms(900)
