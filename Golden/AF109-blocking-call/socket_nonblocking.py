"""Sockets set non-blocking (or with a zero timeout) in the same scope return at once."""
import asyncio
import socket


async def poll(port):
    s = socket.socket()
    s.setblocking(False)
    s.bind(("0.0.0.0", port))
    while True:
        try:
            data = s.recv(64)
        except OSError:
            data = None
        if data:
            return data
        await asyncio.sleep(0)


class Listener:
    def __init__(self):
        self.sock = socket.socket()
        self.sock.settimeout(0)

    async def accept(self):
        while True:
            try:
                return self.sock.accept()
            except OSError:
                await asyncio.sleep(0)
