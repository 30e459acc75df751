"""A bounded `for` loop without blocking calls is not a finding: it ends after its items."""
import sensor


async def blink(leds):
    for led in leds:
        led.toggle()


async def total(values):
    n = 0
    for v in [1, 2, 3] + values:
        n += v
    for key in sensor.__dict__:
        print(key)
    return n
