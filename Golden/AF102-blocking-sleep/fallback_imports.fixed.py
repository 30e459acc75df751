try:
    import uasyncio as asyncio
except ImportError:
    import asyncio
try:
    import utime as time
except ImportError:
    import time


async def main():
    await asyncio.sleep_ms(100)
