# A handler starts from whatever the try body may have done, awaits included.
pending = {}


async def send(key, message, transport):
    previous = pending.get(key)
    try:
        await transport.send(message)
    except OSError:
        pending[key] = previous
        raise
