"""A socket made in a `with` statement is the socket `with` binds (its `__enter__` returns it)."""
import asyncio
import socket


async def ask(address, question):
    with socket.socket() as s:
        s.connect(address)
        s.sendall(question)
        await asyncio.sleep(0)
        return s.recv(64)


async def ask_nonblocking(address):
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.setblocking(False)
        s.sendto(b"?", address)
        await asyncio.sleep(0)
