import asyncio
from machine import Pin

door = asyncio.Event()


def on_door(pin):
    door.set()


Pin(4).irq(on_door)


async def monitor():
    while True:
        if door.is_set():
            print("open")
        await asyncio.sleep_ms(100)
