"""MicroPython awaits an object by iterating it: a class whose `__iter__` yields is an
old-style awaitable there, like a generator function (an unsafe fix: a plain iterable's
`__iter__` may yield too). An object with `__await__` alone cannot be awaited there."""
import asyncio


class Tick:
    def __iter__(self):
        yield from asyncio.sleep_ms(10)


class Items:
    def __init__(self, items):
        self.items = items

    def __iter__(self):
        return iter(self.items)


class OnlyAwait:
    def __await__(self):
        yield from asyncio.sleep_ms(5)


async def main():
    await Tick()  # dropped: never waits
    Items([1, 2])  # a plain iterator: not awaitable
    OnlyAwait()  # `await OnlyAwait()` would raise TypeError here: not a missing await
