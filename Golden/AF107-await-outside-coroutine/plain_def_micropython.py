# MicroPython compiles an `await` in a plain def: the def becomes a generator.
import uasyncio as asyncio
from machine import Pin

led = Pin(2, Pin.OUT)


def blink():
    led.on()
    await asyncio.sleep_ms(100)
    led.off()


def read_all(stream):
    async for line in stream:
        print(line)


callback = lambda: await asyncio.sleep_ms(1)
await asyncio.sleep_ms(1)
