"""Worker without asyncio imported (CPython)."""
import threading
import asyncio


async def spin(state):
    while not state.done:
        await asyncio.sleep(0)
        pass
