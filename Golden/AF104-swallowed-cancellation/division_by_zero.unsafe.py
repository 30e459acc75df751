import asyncio


# `1 / 0` always raises (ZeroDivisionError replaces the cancellation; the task still fails).
async def fail_on_cancel():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        1 / 0


# `x / 0` need not raise: `x` may define `__truediv__`.
async def divide(x):
    try:
        await asyncio.sleep(10)
    finally:
        x / 0
