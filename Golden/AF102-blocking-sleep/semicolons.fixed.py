import machine
import time
import asyncio


async def main(led):
    led.on(); await asyncio.sleep_ms(100); led.off()
    await asyncio.sleep_ms(100);
