"""AF101 on the real interpreter: a coroutine called without await never runs its body.

Runs about 0.2 s under the MicroPython unix port and stops by itself. Unfixed, `main` calls
`report()` as a statement: MicroPython makes the coroutine object and drops it without a word,
so "tick" is never printed, only "done". Fixed (`await report()`), the body runs and prints
"tick" before "done".
"""
import asyncio


async def report():
    await asyncio.sleep_ms(10)
    print("tick")


async def main():
    report()
    await asyncio.sleep_ms(100)
    print("done")


asyncio.run(main())
