# The state is read again after the await: the write rests on the fresh read.
cache = {}
buffer = bytearray()


async def lookup(key, fetch):
    if key not in cache:
        value = await fetch(key)
        if key not in cache:
            cache[key] = value
    return cache[key]


async def read_until(separator, wait):
    offset = 0
    while True:
        size = len(buffer)
        index = buffer.find(separator, offset)
        if index != -1:
            break
        offset = size
        await wait()
    del buffer[:index + 1]
