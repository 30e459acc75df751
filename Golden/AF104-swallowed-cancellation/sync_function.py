import asyncio


def run(main):
    try:
        asyncio.run(main())
    except asyncio.CancelledError:
        pass
    except BaseException:
        pass
