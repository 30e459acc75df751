import asyncio


async def spin(poll):
    while True:  # asyncfix: ignore[AF103]
        poll()
    while True:  # noqa: AF103
        poll()
