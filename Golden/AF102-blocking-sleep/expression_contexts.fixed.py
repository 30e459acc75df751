import machine
import time
import asyncio


async def main(values):
    x = await asyncio.sleep_ms(1000)
    print(await asyncio.sleep_ms(100))
    ok = (await asyncio.sleep_ms(100)) or x
    values.append(await asyncio.sleep_ms(100))
    total = [time.sleep(0.01) for _ in values]
    return await asyncio.sleep_ms(100)
