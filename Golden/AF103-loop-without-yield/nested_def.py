"""A loop in a def nested in a coroutine is not the coroutine's; an await in a nested def is not the loop's."""
import asyncio


async def main(scheduler):
    def worker():
        while True:
            pass

    while True:
        async def later():
            await asyncio.sleep(1)

        scheduler.schedule(later)
