"""MicroPython awaits an object by iterating it: a class whose `__iter__` yields is an
old-style awaitable there, like a generator function. Whether the class meant to be awaited
is less certain than for `__await__`, so the fix is unsafe."""
import asyncio


class Tick:
    def __iter__(self):
        yield from asyncio.sleep_ms(10)


class Items:
    def __init__(self, items):
        self.items = items

    def __iter__(self):
        return iter(self.items)


async def main():
    await Tick()  # dropped: never waits
    Items([1, 2])  # a plain iterator: not awaitable
