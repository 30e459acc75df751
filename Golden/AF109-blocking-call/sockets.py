"""Blocking sockets in coroutines: every call waits for the network with the loop stopped."""
import asyncio
import socket

import usocket


async def fetch(host):
    address = socket.getaddrinfo(host, 80)[0][-1]
    s = socket.socket()
    s.connect(address)
    s.send(b"GET / HTTP/1.0\r\n\r\n")
    reply = s.recv(512)
    s.close()
    await asyncio.sleep(0)
    return reply


async def serve(port):
    server = usocket.socket(usocket.AF_INET, usocket.SOCK_STREAM)
    server.bind(("0.0.0.0", port))
    server.listen(1)
    while True:
        conn, peer = server.accept()
        conn.sendall(b"hello\r\n")
        conn.close()
        await asyncio.sleep(0)


class Client:
    def __init__(self, host):
        self.sock = socket.create_connection((host, 7))

    async def echo(self, data):
        self.sock.send(data)
        await asyncio.sleep(0)
        return self.sock.recv(len(data))
