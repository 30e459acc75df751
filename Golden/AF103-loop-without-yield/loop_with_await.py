"""Loops that reach an await point: not findings."""
import asyncio


async def reader(stream, lock):
    while True:
        line = await stream.readline()
        if not line:
            break
    while True:
        async with lock:
            pass
    while not await stream.ready():
        pass
    while True:
        async for chunk in stream:
            print(chunk)


async def ticker():
    while True:
        yield 1
