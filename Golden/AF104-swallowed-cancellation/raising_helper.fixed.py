import asyncio
from typing import NoReturn


# anyio's shape: the handler hands the exception to a helper that always raises (annotated
# NoReturn, or whose body raises on every path).
class Stream:
    def _convert_error(self, exc: BaseException) -> NoReturn:
        if isinstance(exc, OSError):
            raise ConnectionError from exc
        raise exc

    def _fail(self, exc):
        raise RuntimeError("stream failed") from exc

    async def receive(self):
        try:
            return await self._read()
        except BaseException as exc:
            self._convert_error(exc)

    async def send(self, data):
        try:
            await self._write(data)
        except BaseException as exc:
            self._fail(exc)

    # anyio's TLS listener: the helper re-raises anything that is not an Exception.
    @staticmethod
    async def handle_error(exc: BaseException, stream) -> None:
        await stream.aclose()
        if not isinstance(exc, Exception):
            raise

    async def serve(self, stream):
        try:
            await self._read()
        except BaseException as exc:
            await self.handle_error(exc, stream)

    # A helper that may return: the cancellation can be lost.
    def _log(self, exc):
        print(exc)

    async def close(self):
        try:
            await self._write(b"")
        except asyncio.CancelledError:
            raise
        except BaseException as exc:
            self._log(exc)

    async def _read(self):
        await asyncio.sleep(0)

    async def _write(self, data):
        await asyncio.sleep(0)
