import asyncio
from machine import Pin

alarm = asyncio.Event()


def on_alarm(pin):
    alarm.set()


Pin(9).irq(on_alarm)


async def siren():
    await alarm.wait()


async def logger():
    await alarm.wait()
