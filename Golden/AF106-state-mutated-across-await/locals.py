# Local variables and parameters are the coroutine's own.
async def add(source, items):
    n = len(items)
    await source.ready()
    items.append(n)


async def build(source):
    items = []
    n = len(items)
    await source.ready()
    items.append(n)
    counter = 0
    counter += await source.count()
    return items, counter


def make(queue):
    pending = []

    async def worker():
        # A closure variable: not followed (the call sites decide whether it is shared).
        n = len(pending)
        await queue.get()
        pending.append(n)

    return worker
