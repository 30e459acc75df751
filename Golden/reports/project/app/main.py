import uasyncio as asyncio
import utime


async def poll(sensor):
    while True:
        sensor.read()


async def main():
    utime.sleep(0.2)
    utime.sleep_ms(750)
    await asyncio.sleep_ms(0)
