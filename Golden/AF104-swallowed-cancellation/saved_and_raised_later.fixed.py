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
        except asyncio.CancelledError:
            raise
        except BaseException as new_error:
            last = new_error
            errors.append(last)
    return errors
