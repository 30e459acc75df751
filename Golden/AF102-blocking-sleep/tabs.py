import machine
import time
import asyncio


async def main(ready):
	if ready:
		time.sleep(0.4)
	else:
		time.sleep_ms(900)
