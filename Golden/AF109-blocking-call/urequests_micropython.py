"""MicroPython: urequests waits for the whole HTTP exchange with the loop stopped."""
import uasyncio as asyncio
import urequests
from urequests import post as send


async def report(value):
    send("http://192.0.2.1/value", json={"v": value}).close()
    config = urequests.get("http://192.0.2.1/config").json()
    urequests.request("PUT", "http://192.0.2.1/state", data=b"1")
    await asyncio.sleep_ms(0)
    return config
