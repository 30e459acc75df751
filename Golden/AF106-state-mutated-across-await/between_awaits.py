# Read and written with no await in between: the section runs alone.
items = []


async def add(source):
    await source.ready()
    n = len(items)
    items.append(n)
    await source.done()


class Counter:
    async def bump(self, source):
        await source.ready()
        self.n += 1
        self.seen = self.n
        await source.done()
        self.n += 1
