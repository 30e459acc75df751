items = []


async def add(source):
    n = len(items)
    await source.ready()
    items.append(n)  # asyncfix: ignore[AF106]
