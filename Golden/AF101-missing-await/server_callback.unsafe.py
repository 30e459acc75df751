import asyncio


async def handle(reader, writer):
    line = await reader.readline()
    writer.write(line)
    await writer.drain()
    await reader.read(100)
    writer.close()


async def log(reader, writer):
    writer.drain()  # not passed to a server: writer is unknown


async def main():
    server = await asyncio.start_server(handle, "0.0.0.0", 8080)
    async with server:
        await server.serve_forever()
