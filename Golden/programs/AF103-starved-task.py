"""AF103 on the real interpreter: a busy `while True` loop starves the task that prints.

Runs about 0.5 s under the MicroPython unix port and stops by itself. Unfixed, `spin` polls
the clock without ever awaiting, so `ticker` never prints before `main` ends: the output is
only "done". Fixed (`await asyncio.sleep_ms(0)` in the loop), `ticker` prints "tick".
"""
import asyncio
import time


async def ticker():
    while True:
        print("tick")
        await asyncio.sleep_ms(50)


async def spin():
    start = time.ticks_ms()
    while True:
        if time.ticks_diff(time.ticks_ms(), start) > 500:
            break


async def main():
    asyncio.create_task(ticker())
    await spin()
    print("done")


asyncio.run(main())
