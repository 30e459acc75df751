# CPython: functions run in other threads set asyncio Events; the loop's thread must do it.
import asyncio
import threading

loaded = asyncio.Event()
ticked = asyncio.Event()
converted = asyncio.Event()
deadline = asyncio.Event()


def load():
    loaded.set()


def tick():
    ticked.set()


def convert(data):
    converted.set()
    return data


async def main():
    threading.Thread(target=load, daemon=True).start()
    threading.Timer(0.5, tick).start()
    threading.Timer(5.0, deadline.set).start()
    await asyncio.to_thread(convert, b"")
    loop = asyncio.get_running_loop()
    loop.call_soon_threadsafe(loaded.set)
    await loaded.wait()
