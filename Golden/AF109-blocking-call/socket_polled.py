"""Sockets watched by a poller are read when ready: the read after the poll says readable
returns at once. A socket no poller watches still blocks."""
import select

import uasyncio as asyncio
import usocket as socket


async def poller(a):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(a)
    p = select.poll()
    p.register(s, select.POLLIN)
    while True:
        if p.poll(0):
            data, addr = s.recvfrom(100)
        await asyncio.sleep_ms(10)


async def selected(a, b):
    s = socket.socket()
    t = socket.socket()
    while True:
        readable, _, _ = select.select([s], [], [], 0)
        if readable:
            s.recv(100)
            t.send(b"seen")
        await asyncio.sleep_ms(10)


class Receiver:
    def __init__(self):
        self.sock = socket.socket()
        self.poll = select.poll()
        self.poll.register(self.sock.fileno(), select.POLLIN)

    async def run(self):
        while True:
            for _ in self.poll.ipoll(0):
                self.sock.recv(64)
            await asyncio.sleep_ms(10)
