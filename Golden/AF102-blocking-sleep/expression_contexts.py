import machine
import time
import asyncio


async def main(values):
    x = time.sleep(1)
    print(time.sleep(0.1))
    ok = time.sleep(0.1) or x
    values.append(time.sleep(0.1))
    total = [time.sleep(0.01) for _ in values]
    return time.sleep(0.1)
