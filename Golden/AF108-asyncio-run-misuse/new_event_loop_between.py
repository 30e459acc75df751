# MicroPython: resetting the loop between two runs drops the first run's leftover tasks.
import uasyncio as asyncio


async def calibrate():
    await asyncio.sleep_ms(10)


async def main():
    await asyncio.sleep_ms(10)


asyncio.run(calibrate())
asyncio.new_event_loop()
asyncio.run(main())
