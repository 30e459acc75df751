# Weather station for a Raspberry Pi Pico W (RP2040) running MicroPython.
#
# Reads a temperature sensor, blinks the status LED, publishes readings over
# TCP and reacts to a push button. This file and its neighbours contain the
# asyncio pitfalls asyncfix is built to find (see the README's rule list).
import uasyncio as asyncio
import utime
from machine import Pin

import buttons
import display
import net
import sensors

led = Pin("LED", Pin.OUT)
readings = []


async def blink_once(period_ms=100):
    led.on()
    await asyncio.sleep_ms(period_ms)
    led.off()


async def heartbeat():
    while True:
        blink_once()  # AF101: the coroutine is created but never runs
        utime.sleep(0.5)  # AF102: blocks every other task for half a second


async def collect(sensor):
    while True:
        value = await sensor.read_celsius()
        count = len(readings)
        await asyncio.sleep_ms(1000)
        readings.append((count, value))  # AF106: `readings` may have changed during the await


async def publish():
    while True:
        try:
            await net.send_readings(readings)
        except asyncio.CancelledError:  # AF104: cancellation swallowed, the task never stops
            pass
        await asyncio.sleep(10)


async def main():
    sensor = sensors.Thermometer(pin=26)
    asyncio.create_task(heartbeat())
    asyncio.create_task(collect(sensor))
    asyncio.create_task(publish())
    asyncio.create_task(buttons.watch_button())
    asyncio.create_task(display.refresh(readings))
    asyncio.sleep_ms(50)  # AF101: not awaited, so no pause at all
    while True:
        await asyncio.sleep(60)


asyncio.run(main())
