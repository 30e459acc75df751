"""An override that calls the base's coroutine method through `super()` without awaiting it:
the base's cleanup never runs."""
import asyncio


class Connection:
    async def close(self):
        await asyncio.sleep(0)

    def reset(self):
        pass


class LoggedConnection(Connection):
    async def close(self):
        print("closing")
        await super().close()  # dropped: the connection stays open
        await super(LoggedConnection, self).close()
        super().reset()  # a plain method: nothing to await

    def close_later(self):
        super().close()  # outside a coroutine: only a suggestion


class Unrelated:
    async def close(self):
        super().close()  # object has no close: not a coroutine call
