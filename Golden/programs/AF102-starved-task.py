"""AF102 on the real interpreter: a task that calls time.sleep() starves the task that prints.

Runs about 0.6 s under the MicroPython unix port and stops by itself. Unfixed, `blink` holds
the event loop for its whole run, so `ticker` never prints before `main` ends: the output is
only "done". Fixed (`await asyncio.sleep_ms(100)`), `ticker` prints "tick" while `blink` waits.
"""
import asyncio
import time


async def ticker():
    while True:
        print("tick")
        await asyncio.sleep_ms(50)


async def blink():
    for _ in range(6):
        time.sleep(0.1)


async def main():
    asyncio.create_task(ticker())
    await blink()
    print("done")


asyncio.run(main())
