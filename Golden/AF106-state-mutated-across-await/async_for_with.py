# `async for` and `async with` are await points too.
log = []


async def drain(stream):
    count = len(log)
    async for line in stream:
        log.append((count, line))


async def fetch(session, url):
    size = len(log)
    async with session.get(url) as response:
        log.append(size)


async def fetch_after(session, url):
    async with session.get(url) as response:
        size = len(log)
    log.append(size)
