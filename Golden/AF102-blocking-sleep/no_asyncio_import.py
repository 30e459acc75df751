#!/usr/bin/env micropython
"""Sensor loop without any asyncio import: `import asyncio` goes after the last import."""
from machine import Pin
import time

SENSOR = Pin(4)


async def read_forever():
    time.sleep(2)
