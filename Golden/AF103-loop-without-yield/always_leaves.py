"""A body that always leaves in its first iteration is not a running loop."""
import asyncio


async def first_line(reader):
    while True:
        line = reader.readline()
        break
    while True:
        if line:
            return line
        else:
            raise ValueError("empty")
