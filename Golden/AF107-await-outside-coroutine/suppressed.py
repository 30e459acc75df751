import asyncio

await asyncio.sleep(1)  # asyncfix: ignore[AF107]


def blink(led):
    await asyncio.sleep(1)  # noqa: AF107
