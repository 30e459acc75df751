import asyncio


async def download(session, path):
    try:
        await session.fetch(path)
    except asyncio.CancelledError:
        session.close()
        raise
