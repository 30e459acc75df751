import asyncio


async def stop(task):
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        pass


class Service:
    async def close(self):
        self._task.cancel()
        try:
            await self._task
        except asyncio.CancelledError:
            pass


async def other_task(task, other):
    task.cancel()
    try:
        await other
    except asyncio.CancelledError:
        pass
