# contextlib's shape: a handler in `__aexit__` that re-raises any exception but the one in
# flight, and returns False for that one, which makes `async with` re-raise it.
class GeneratorManager:
    def __init__(self, gen):
        self.gen = gen

    async def __aexit__(self, typ, value, traceback):
        try:
            await self.gen.athrow(value)
        except BaseException as exc:
            if exc is not value:
                raise
            exc.__traceback__ = traceback
            return False
        return True


# Returning True suppresses the exception in flight: a cancellation among them is lost.
class Suppressing:
    async def __aexit__(self, typ, value, traceback):
        try:
            await self.close()
        except BaseException as exc:
            if exc is not value:
                raise
            return True

    async def close(self):
        pass


# Outside `__aexit__`, returning False re-raises nothing.
async def not_an_exit(value):
    try:
        await value.wait()
    except BaseException as exc:
        if exc is not value:
            raise
        return False


# Something before the guard leaves the handler: a cancellation is swallowed there.
class Quiet:
    async def __aexit__(self, typ, value, traceback):
        try:
            await self.flush()
        except BaseException as exc:
            if self.quiet:
                return True
            if exc is not value:
                raise
            return False

    async def flush(self):
        pass
