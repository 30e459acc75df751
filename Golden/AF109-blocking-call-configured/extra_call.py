"""Calls added by `blocking-calls.add`: a function and a method of a constructed object."""
import asyncio

import mylib
from mylib import read_all as slurp


async def collect(path):
    data = mylib.read_all(path)
    more = slurp(path + ".1")
    sensor = mylib.Sensor(4)
    level = sensor.measure()
    await asyncio.sleep(0)
    return data + more, level


async def unrelated(sensor):
    sensor.measure()
    mylib.read_some(1)
    await asyncio.sleep(0)
