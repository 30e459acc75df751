# The lost update: the length is read before the await and used after it.
import asyncio

items = []


async def add(source):
    n = len(items)
    await source.ready()
    items.append(n)


async def add_many(source, values):
    first = items[0] if items else None
    await asyncio.sleep(0)
    items.extend(values)
    items.insert(0, first)
