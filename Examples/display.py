# Shows the last reading on an SSD1306 OLED over I2C.
import uasyncio as asyncio
from machine import I2C, Pin

i2c = I2C(0, scl=Pin(17), sda=Pin(16))


async def refresh(readings):
    while True:
        if readings:
            count, value = readings[-1]
            i2c.writeto(0x3C, b"%d: %.1f C" % (count, value))
        # AF103: no await in the loop body, so this task starves all the others
