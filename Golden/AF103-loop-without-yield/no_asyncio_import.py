"""Worker without asyncio imported (CPython)."""
import threading


async def spin(state):
    while not state.done:
        pass
