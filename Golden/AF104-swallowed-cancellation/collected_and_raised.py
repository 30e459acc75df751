import asyncio


# aiohttp's cleanup: every error is collected and raised after the loop.
async def cleanup(callbacks):
    errors = []
    for callback in callbacks:
        try:
            await callback()
        except (Exception, asyncio.CancelledError) as exc:
            errors.append(exc)
    if errors:
        if len(errors) == 1:
            raise errors[0]
        raise RuntimeError("Multiple errors on cleanup", errors)


# Collected but only returned: lost.
async def collect(callbacks):
    errors = []
    for callback in callbacks:
        try:
            await callback()
        except BaseException as exc:
            errors.append(exc)
    return errors
