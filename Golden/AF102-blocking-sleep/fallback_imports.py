try:
    import uasyncio as asyncio
except ImportError:
    import asyncio
try:
    import utime as time
except ImportError:
    import time


async def main():
    time.sleep(0.1)
