import asyncio
import functools
from machine import Pin

left = asyncio.Event()
counts = [0, 0]


def on_edge(which, pin):
    counts[which] += 1
    left.set()


Pin(3).irq(functools.partial(on_edge, 0))


async def main():
    await left.wait()
