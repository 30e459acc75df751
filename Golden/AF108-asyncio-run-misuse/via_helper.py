import asyncio
import network


async def connect_wifi(wlan):
    while not wlan.isconnected():
        await asyncio.sleep_ms(200)


def ensure_connected(wlan):
    if not wlan.isconnected():
        asyncio.run(connect_wifi(wlan))


class Station:
    def __init__(self):
        self.wlan = network.WLAN(network.STA_IF)

    def reconnect(self):
        self._connect()

    def _connect(self):
        ensure_connected(self.wlan)

    async def serve(self):
        while True:
            self.reconnect()
            await asyncio.sleep(1)


def never_called_from_a_coroutine():
    asyncio.run(connect_wifi(None))
