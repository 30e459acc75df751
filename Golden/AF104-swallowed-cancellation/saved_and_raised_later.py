import asyncio


# AsyncExitStack's shape: the handler keeps the exception and the function raises it after
# the loop, so the cancellation still ends the task.
async def close_all(callbacks):
    pending = False
    error = None
    for callback in callbacks:
        try:
            await callback()
        except BaseException as new_error:
            pending = True
            error = new_error
    if pending:
        raise error


# Kept but never raised again: lost.
async def close_quietly(callbacks):
    errors = []
    for callback in callbacks:
        try:
            await callback()
        except BaseException as new_error:
            last = new_error
            errors.append(last)
    return errors


# A retry loop: the attempt that succeeds returns, and a cancellation caught on the way is lost.
async def with_retries(op):
    last = None
    for _ in range(3):
        try:
            return await op()
        except BaseException as exc:
            last = exc
            await asyncio.sleep(1)
    raise last
