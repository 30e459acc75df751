# CPython: without a run in the body of the `try`, the run in its `finally` follows the one in
# its `except` (when the body raises): a second top-level run.
import asyncio


async def cleanup():
    await asyncio.sleep(0)


async def shutdown():
    await asyncio.sleep(0)


def prepare():
    pass


try:
    prepare()
except KeyboardInterrupt:
    asyncio.run(cleanup())
finally:
    asyncio.run(shutdown())
