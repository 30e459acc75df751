import utime as t


async def pulse(pin):
    pin.on()
    t.sleep(0.05)
    pin.off()
    t.sleep_ms(20)
