import asyncio
import time


async def main():
    # Annotations are not run as part of the coroutine's body, and `await` is not allowed there.
    def cb(pin: time.sleep(1)) -> None:
        pass

    def later() -> time.sleep(3):
        pass

    n: time.sleep(2) = 0
    await asyncio.sleep(0.5)
    return cb, later, n
