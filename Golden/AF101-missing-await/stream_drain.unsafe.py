import asyncio


async def talk(host):
    reader, writer = await asyncio.open_connection(host, 80)
    writer.write(b"GET / HTTP/1.0\r\n\r\n")
    await writer.drain()
    await reader.readline()
    writer.close()
    await writer.wait_closed()
