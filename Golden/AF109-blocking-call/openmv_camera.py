"""OpenMV: frames captured and compressed in a coroutine stall every other task."""
import asyncio

import csi


class Streamer:
    def __init__(self):
        self.cam = csi.CSI()
        self.cam.reset()
        self.cam.pixformat(csi.RGB565)
        self.cam.framesize(csi.QVGA)

    async def frames(self, writer):
        while True:
            img = self.cam.snapshot()
            writer.write(img.compress(quality=80))
            await writer.drain()


async def capture_once():
    cam = csi.CSI()
    frame = cam.snapshot(blocking=True)
    frame.save("/sd/first.jpg")
    csi.CSI().snapshot()
    await asyncio.sleep_ms(0)
