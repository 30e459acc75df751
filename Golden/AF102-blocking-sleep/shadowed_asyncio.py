"""A parameter named asyncio: the finding has no fix (asyncio cannot be named here)."""
import time


async def main(asyncio):
    time.sleep(1)
