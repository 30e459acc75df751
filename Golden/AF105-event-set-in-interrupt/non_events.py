# `.set()` on things that are not asyncio Events, or handlers that cannot be followed.
import asyncio
import threading
from machine import Pin

stop = threading.Event()
led = Pin(25, Pin.OUT)
unknown = make_event()
ready = asyncio.Event()


def on_press(pin):
    stop.set()
    led.set()
    unknown.set()


def register(pin, handler):
    pin.irq(handler)


def not_registered(pin):
    ready.set()


Pin(14).irq(on_press)
