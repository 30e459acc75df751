"""OpenMV's older `sensor` module: module functions and the image they return."""
import sensor
import uasyncio as asyncio
from sensor import skip_frames as settle


async def capture(count):
    sensor.reset()
    sensor.set_pixformat(sensor.GRAYSCALE)
    settle(time=2000)
    for i in range(count):
        sensor.snapshot().save("/sd/%d.pgm" % i)
        await asyncio.sleep_ms(100)


async def stream(uart):
    sensor.skip_frames(10)
    img = sensor.snapshot()
    uart.write(img.compress().bytearray())
    await asyncio.sleep_ms(0)
