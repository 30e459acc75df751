# Only one of these runs: no finding.
import sys

import asyncio


async def serve():
    await asyncio.sleep(0)


async def self_test():
    await asyncio.sleep(0)


async def migrate():
    await asyncio.sleep(0)


if __name__ == "__main__":
    if "--test" in sys.argv:
        asyncio.run(self_test())
    elif "--migrate" in sys.argv:
        asyncio.run(migrate())
    else:
        asyncio.run(serve())
else:
    match sys.argv[1:]:
        case ["test"]:
            asyncio.run(self_test())
        case _:
            asyncio.run(serve())
