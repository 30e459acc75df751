"""Names that only look like the blocking calls: parameters, locals and other modules."""
import asyncio


async def fetch(socket, requests, sensor):
    socket.getaddrinfo("example.com", 80)
    requests.get("/path")
    sensor.snapshot()
    await asyncio.sleep(0)


async def prompt(ui):
    input = ui.ask
    input("name?")
    await asyncio.sleep(0)


async def session(reader):
    data = reader.recv(10)
    conn = make_socket()
    conn.recv(10)
    await asyncio.sleep(0)
    return data
