"""Blink patterns with literal delays in seconds (MicroPython: exact milliseconds)."""
import machine
import time
import asyncio

led = machine.Pin(25, machine.Pin.OUT)


async def patterns():
    led.on()
    time.sleep(0.2)
    led.off()
    time.sleep(1)
    time.sleep(1.5)
    time.sleep(0.0001)
    time.sleep(1_000)
    time.sleep(2e-3)
    time.sleep(.5)
    time.sleep(0)
    time.sleep(0x10)
    time.sleep(1e7)


asyncio.run(patterns())
