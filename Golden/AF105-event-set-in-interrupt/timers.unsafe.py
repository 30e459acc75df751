import asyncio
import machine
import pyb

period = asyncio.ThreadSafeFlag()
soft = asyncio.ThreadSafeFlag()
channel = asyncio.ThreadSafeFlag()
switch = asyncio.ThreadSafeFlag()


def on_period(t):
    period.set()


def on_soft(t):
    soft.set()


def on_channel(t):
    channel.set()


def on_switch():
    switch.set()


machine.Timer(0, period=1000, mode=machine.Timer.PERIODIC, callback=on_period)
timer = machine.Timer(1)
timer.init(period=50, callback=on_soft)
tim = pyb.Timer(2, freq=1000)
ch = tim.channel(1, pyb.Timer.PWM, pulse_percent=50)
ch.callback(on_channel)
pyb.Switch().callback(on_switch)


async def main():
    await period.wait()
    await soft.wait()
    await channel.wait()
    await switch.wait()
