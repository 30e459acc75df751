import asyncio


class Client:
    connection = await asyncio.open_connection("localhost", 80)

    async def fetch(self):
        await asyncio.sleep(0)
