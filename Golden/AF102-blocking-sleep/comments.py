import machine
import time
import asyncio


async def main():
    time.sleep(0.5)  # wait for the sensor
    time.sleep(  # settle
        1,  # one second
    )
    time . sleep(2)  # odd spacing
