import asyncio
import sys


# aiohttp's shape: the task's own cancellation (cancelling() > 0) is re-raised; only the
# child's CancelledError is dropped.
async def close_writer(writer):
    try:
        await writer
    except asyncio.CancelledError:
        if sys.version_info >= (3, 11) and (task := asyncio.current_task()) and task.cancelling():
            raise


# anyio's shape: anything that is not an Exception (a cancellation is not) is re-raised.
async def run_callback(func, future):
    try:
        future.set_result(await func())
    except BaseException as exc:
        future.set_exception(exc)
        if not isinstance(exc, Exception):
            raise


# The guard comes after a way out: the return swallows first.
async def guarded_too_late(func):
    try:
        await func()
    except BaseException as exc:
        if func.quiet:
            return None
        if not isinstance(exc, Exception):
            raise


# A guard that re-raises something else is no guard.
async def other_guard(func):
    try:
        await func()
    except BaseException as exc:
        if isinstance(exc, ValueError):
            raise
