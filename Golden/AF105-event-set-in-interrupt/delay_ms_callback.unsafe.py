# Peter Hinch's Delay_ms runs its callback in a task: no finding. A pyb.Timer callback does run
# in an interrupt.
import asyncio
import pyb
from primitives import Delay_ms

timeout = asyncio.Event()
overflow = asyncio.ThreadSafeFlag()


def expired():
    timeout.set()


def on_overflow(timer):
    overflow.set()


delay = Delay_ms(duration=500)
delay.callback(expired)

tim = pyb.Timer(4, freq=10)
tim.callback(on_overflow)


async def main():
    await timeout.wait()
    await overflow.wait()
