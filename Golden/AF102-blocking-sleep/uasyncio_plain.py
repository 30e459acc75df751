import uasyncio
import utime


async def main():
    utime.sleep(2)
    utime.sleep_ms(750)
