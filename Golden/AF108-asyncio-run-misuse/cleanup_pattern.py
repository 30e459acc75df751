# The cleanup patterns: no finding.
import asyncio


async def main():
    await asyncio.sleep_ms(10)


async def shutdown():
    await asyncio.sleep_ms(1)


try:
    asyncio.run(main())
except KeyboardInterrupt:
    print("interrupted")
    asyncio.run(shutdown())
finally:
    asyncio.new_event_loop()
    asyncio.run(shutdown())
