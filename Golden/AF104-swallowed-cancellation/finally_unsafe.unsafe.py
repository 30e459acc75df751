import asyncio


async def download(session, path):
    try:
        await session.fetch(path)
    finally:
        session.close()
