import asyncio
import micropython

tick = asyncio.Event()


def on_tick(_):
    tick.set()


def timer_interrupt(timer):
    micropython.schedule(on_tick, None)


async def main():
    while True:
        await tick.wait()
        tick.clear()
