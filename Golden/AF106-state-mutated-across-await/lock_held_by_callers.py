import asyncio


# httpcore's shape: the settings handler runs only under the connection's read lock, which its
# one caller holds, so its awaits let no other reader in.
class Connection:
    def __init__(self):
        self._read_lock = asyncio.Lock()
        self._max_streams = 10
        self._window = 0

    async def _receive_events(self):
        async with self._read_lock:
            event = await self._read_event()
            await self._on_settings(event)

    async def _on_settings(self, event):
        if self._max_streams < event.max_streams:
            await self._grow()
            self._max_streams += 1

    # Awaited under the lock once and without it once: reported.
    async def _on_window(self, event):
        if self._window < event.window:
            await self._grow()
            self._window += 1

    async def receive_window(self, event):
        async with self._read_lock:
            await self._on_window(event)

    async def update_window(self, event):
        await self._on_window(event)

    async def _read_event(self):
        pass

    async def _grow(self):
        pass
