# A debounced push button that wakes a task from its interrupt handler.
import uasyncio as asyncio
from machine import Pin

button = Pin(14, Pin.IN, Pin.PULL_UP)
pressed = asyncio.Event()
presses = 0


def on_press(pin):
    global presses
    presses += 1
    pressed.set()  # AF105: Event.set() is not safe in an interrupt; use ThreadSafeFlag


button.irq(trigger=Pin.IRQ_FALLING, handler=on_press)


async def watch_button():
    while True:
        await pressed.wait()
        pressed.clear()
        try:
            await asyncio.sleep_ms(50)
            print("button pressed", presses, "times")
        except:  # AF104: a bare except also swallows CancelledError
            print("debounce failed")
