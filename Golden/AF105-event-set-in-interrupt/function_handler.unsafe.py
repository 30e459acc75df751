# A pin interrupt wakes a task through a module-level Event: the handler is a plain function
# passed as the first argument of `irq`.
import uasyncio as asyncio
from machine import Pin

button = Pin(14, Pin.IN, Pin.PULL_UP)
pressed = asyncio.ThreadSafeFlag()


def on_press(pin):
    pressed.set()  # the finding: an Event set in an interrupt


button.irq(on_press, Pin.IRQ_FALLING)


async def watch():
    while True:
        await pressed.wait()
        pressed.clear()
        print("pressed")
