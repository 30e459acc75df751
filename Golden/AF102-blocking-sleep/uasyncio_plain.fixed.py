import uasyncio
import utime


async def main():
    await uasyncio.sleep_ms(2000)
    await uasyncio.sleep_ms(750)
