import machine
import time
import asyncio


async def main(led):
    led.on(); time.sleep(0.1); led.off()
    time.sleep(0.1);
