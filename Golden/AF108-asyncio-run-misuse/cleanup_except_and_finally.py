# CPython: the run in `except` and the run in `finally` are each the cleanup of the body's run,
# even though the `finally` runs after the `except`: no finding.
import asyncio


async def main():
    await asyncio.sleep(1)


async def cleanup():
    await asyncio.sleep(0)


async def shutdown():
    await asyncio.sleep(0)


try:
    asyncio.run(main())
except KeyboardInterrupt:
    asyncio.run(cleanup())
finally:
    asyncio.run(shutdown())

