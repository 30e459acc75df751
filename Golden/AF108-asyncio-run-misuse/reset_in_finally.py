# MicroPython: `asyncio.new_event_loop()` in the `finally` of the first run's `try` runs after
# that run, so the next run starts from a reset loop: no finding.
import uasyncio as asyncio


async def setup():
    await asyncio.sleep_ms(10)


async def main():
    await asyncio.sleep_ms(10)


try:
    asyncio.run(setup())
finally:
    asyncio.new_event_loop()  # clear retained state

asyncio.run(main())

