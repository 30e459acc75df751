import asyncio


async def poll(sensor):
    while True:
        try:
            value = await sensor.read()
            print(value)
        except asyncio.CancelledError:
            raise
        except:
            print("read failed")
        await asyncio.sleep_ms(100)
