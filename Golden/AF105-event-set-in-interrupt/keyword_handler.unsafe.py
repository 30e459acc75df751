import asyncio
import machine

edge = asyncio.ThreadSafeFlag()


def on_edge(pin):
    global count
    count += 1
    edge.set()


count = 0
machine.Pin(2).irq(trigger=machine.Pin.IRQ_RISING, handler=on_edge)


async def counter():
    while True:
        await edge.wait()
        edge.clear()
        print(count)
