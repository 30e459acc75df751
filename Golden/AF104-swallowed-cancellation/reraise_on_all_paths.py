import asyncio


async def worker(queue, log):
    try:
        await queue.get()
    except asyncio.CancelledError:
        log("cancelled")
        raise


async def both_branches(queue, flag):
    try:
        await queue.get()
    except asyncio.CancelledError as error:
        if flag:
            raise
        else:
            raise RuntimeError("stopped") from error


async def nested_finally(queue, lock):
    try:
        await queue.get()
    except BaseException:
        try:
            lock.release()
        finally:
            raise


async def endless(queue):
    try:
        await queue.get()
    except:
        while True:
            await asyncio.sleep(1)  # stuck, but not swallowed


async def different_exception(queue):
    try:
        await queue.get()
    except asyncio.CancelledError:
        raise RuntimeError("worker stopped")


async def earlier_handler_reraises(queue):
    try:
        await queue.get()
    except asyncio.CancelledError:
        raise
    except BaseException:
        pass


async def other_exceptions(queue):
    try:
        await queue.get()
    except Exception:
        pass
