"""Instances of a class with `__await__` are awaitables: making one and dropping it runs nothing."""
import asyncio


class Delay:
    def __init__(self, seconds):
        self.seconds = seconds

    def __await__(self):
        return asyncio.sleep(self.seconds).__await__()


class LongDelay(Delay):
    pass


class Plain:
    def __init__(self, seconds):
        self.seconds = seconds


async def main():
    await Delay(1)  # dropped: never waits
    await LongDelay(5)  # inherits __await__
    Plain(1)  # not awaitable: nothing to await
    pending = Delay(2)  # kept, maybe awaited later
    await pending
