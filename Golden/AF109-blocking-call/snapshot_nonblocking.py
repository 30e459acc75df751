"""`snapshot(blocking=False)` polled with `await asyncio.sleep_ms(0)` is the non-blocking way."""
import asyncio

import csi


async def next_frame(cam):
    while True:
        frame = cam.snapshot(blocking=False)
        if frame is not None:
            return frame
        await asyncio.sleep_ms(0)


async def poll():
    cam = csi.CSI()
    while (frame := cam.snapshot(blocking=False)) is None:
        await asyncio.sleep_ms(0)
    return frame
