# Read, await and write in one statement: the old value is added to after other tasks ran.
counter = 0
totals = {}


async def tally(f):
    global counter
    counter += await f()


async def tally_key(key, f):
    totals[key] += await f()


async def tally_plain(f):
    global counter
    counter = counter + await f()


class Meter:
    async def add(self, f):
        self.total += await f()

    async def add_later(self, f):
        self.total = await f() + self.total
