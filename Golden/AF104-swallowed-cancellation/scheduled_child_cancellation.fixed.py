import asyncio


# The child-cancellation pattern with the cancel handed to the loop instead of called: the
# CancelledError is the child's.
async def stop_soon(loop, task):
    loop.call_soon(task.cancel)
    try:
        await task
    except asyncio.CancelledError:
        pass


async def stop_later(loop, sleeper):
    loop.call_later(0.1, sleeper.cancel)
    try:
        return await sleeper
    except asyncio.CancelledError:
        return "cancelled"


async def stop_inside(loop, fut):
    try:
        loop.call_soon(fut.cancel)
        await fut
    except asyncio.CancelledError:
        return "cancelled"


# Cancelled only after the await: the CancelledError at the await is this coroutine's own.
async def cancel_after(task):
    try:
        await task
        task.cancel()
    except asyncio.CancelledError:
        raise


# Another task is cancelled than the one awaited: this coroutine's own cancellation is lost.
async def other_scheduled(loop, task, other):
    loop.call_soon(task.cancel)
    try:
        await other
    except asyncio.CancelledError:
        raise
