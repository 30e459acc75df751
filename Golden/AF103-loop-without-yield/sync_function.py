import asyncio


def spin():
    while True:
        pass
