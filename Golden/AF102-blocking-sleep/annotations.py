import asyncio
import time


async def main():
    # Skipped: a local's annotation never runs; a nested def's runs in the body only before
    # Python 3.14 (PEP 649 makes it lazy), so `await` there cannot be right for every version.
    def cb(pin: time.sleep(1)) -> None:
        pass

    def later() -> time.sleep(3):
        pass

    n: time.sleep(2) = 0
    time.sleep(0.5)
    return cb, later, n
