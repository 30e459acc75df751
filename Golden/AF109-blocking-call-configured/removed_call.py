"""Entries removed by `blocking-calls.remove` are not findings; the rest of the table still is."""
import asyncio
import os
import socket


async def flush(sock):
    os.sync()
    s = socket.socket()
    s.send(b"x")
    s.recv(1)
    await asyncio.sleep(0)
