"""Nothing binds asyncio here: the fix imports it."""
import asyncio


async def poll(sensor):
    try:
        await sensor.read()
    except asyncio.CancelledError:
        raise
    except:
        pass
