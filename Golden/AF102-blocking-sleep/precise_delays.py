"""Short sleep_ms / sleep_us delays are deliberate precise timing: not findings."""
import time
from time import sleep_ms, sleep_us


async def bit_bang(pin):
    pin.on()
    time.sleep_us(40)
    pin.off()
    time.sleep_ms(5)
    sleep_ms(1)
    sleep_us(5000)
    sleep_ms(-1)
