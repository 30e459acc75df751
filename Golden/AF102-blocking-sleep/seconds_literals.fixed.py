"""Blink patterns with literal delays in seconds (MicroPython: exact milliseconds)."""
import machine
import time
import asyncio

led = machine.Pin(25, machine.Pin.OUT)


async def patterns():
    led.on()
    await asyncio.sleep_ms(200)
    led.off()
    await asyncio.sleep_ms(1000)
    await asyncio.sleep_ms(1500)
    await asyncio.sleep(0.0001)
    await asyncio.sleep_ms(1000000)
    await asyncio.sleep_ms(2)
    await asyncio.sleep_ms(500)
    await asyncio.sleep_ms(0)
    await asyncio.sleep_ms(16000)
    await asyncio.sleep(1e7)


asyncio.run(patterns())
