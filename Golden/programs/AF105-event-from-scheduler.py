"""AF105 on the real interpreter: an asyncio.Event set from a scheduled callback.

A thread stands in for the interrupt: after 100 ms it calls `micropython.schedule(on_data, 0)`,
the way a hard interrupt handler hands work to MicroPython's scheduler. `on_data` sets the
event `main` waits on, while a heartbeat task keeps the loop alive, sleeping 1 s at a time.

Unfixed, `ready` is an `asyncio.Event`: nothing tells the sleeping loop, which stays in its
poller until the heartbeat's timer is due; only then do the scheduled callback and the waiter
run, about 900 ms late: the output says "late". Fixed (the unsafe fix makes `ready` a
`ThreadSafeFlag`, which the loop polls), the callback runs and `main` wakes within
milliseconds: the output says "prompt". Stops by itself after at most about a second.
"""
import _thread
import micropython
import time

import asyncio

ready = asyncio.Event()
fired_at = 0


def on_data(_):
    ready.set()


def interrupt():
    global fired_at
    time.sleep_ms(100)
    fired_at = time.ticks_ms()
    micropython.schedule(on_data, 0)


async def heartbeat():
    while True:
        await asyncio.sleep_ms(1000)


async def main():
    asyncio.create_task(heartbeat())
    _thread.start_new_thread(interrupt, ())
    await ready.wait()
    latency = time.ticks_diff(time.ticks_ms(), fired_at)
    print("prompt" if latency < 500 else "late", "after", latency, "ms")
    print("done")


asyncio.run(main())
