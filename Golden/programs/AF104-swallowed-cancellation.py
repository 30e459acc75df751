"""AF104 on the real interpreter: a worker that swallows its cancellation.

Runs about 0.2 s under the MicroPython unix port and stops by itself. Unfixed, `worker` catches
the `CancelledError` that `task.cancel()` raises in it and returns normally, so `await task` in
`main` returns: the output says "swallowed". Fixed (the handler becomes `finally:`, safe since
the worker's loop never finishes normally), the cancellation propagates out of `await task`:
the output says "propagated".
"""
import asyncio


async def worker():
    try:
        while True:
            await asyncio.sleep_ms(10)
    except asyncio.CancelledError:
        print("worker cleanup")


async def main():
    task = asyncio.create_task(worker())
    await asyncio.sleep_ms(100)
    task.cancel()
    try:
        await task
        print("swallowed")
    except asyncio.CancelledError:
        print("propagated")
    print("done")


asyncio.run(main())
