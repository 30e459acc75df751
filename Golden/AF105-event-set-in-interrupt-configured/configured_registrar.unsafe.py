# `buttons.on_press` and `buttons.Keypad.on_key` are configured (asyncfix.toml beside this file)
# as registrars: their handlers run in an interrupt.
import asyncio
import buttons

clicked = asyncio.ThreadSafeFlag()
typed = asyncio.ThreadSafeFlag()


def on_click():
    clicked.set()


def on_key(key):
    typed.set()


buttons.on_press(4, on_click)
keypad = buttons.Keypad(rows=4)
keypad.on_key(handler=on_key)


async def main():
    await clicked.wait()
    await typed.wait()
