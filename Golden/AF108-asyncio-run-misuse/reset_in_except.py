# MicroPython: a reset in the `except` of the first run's `try` runs only when that run fails;
# when it returns, the next run still finds its leftover tasks. No finding all the same: a reset
# that may run in between is taken as the user's intent, as one in an `if` is.
import uasyncio as asyncio


async def setup():
    await asyncio.sleep_ms(10)


async def main():
    await asyncio.sleep_ms(10)


try:
    asyncio.run(setup())
except OSError:
    asyncio.new_event_loop()

asyncio.run(main())
