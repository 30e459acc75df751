# `buttons.on_press` is configured (configured_registrar.toml) as a registrar: its handler runs
# in an interrupt.
import asyncio
import buttons

clicked = asyncio.ThreadSafeFlag()


def on_click():
    clicked.set()


buttons.on_press(4, on_click)


async def main():
    await clicked.wait()
