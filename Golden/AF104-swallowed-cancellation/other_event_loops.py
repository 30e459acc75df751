# A trio module: BaseException there is trio's Cancelled, not asyncio's CancelledError.
import trio


async def close_stream(stream):
    try:
        await stream.aclose()
    except BaseException:
        await trio.aclose_forcefully(stream)
