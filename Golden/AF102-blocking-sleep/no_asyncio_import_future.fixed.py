"""A CPython helper: `import asyncio` goes after the __future__ import and the others."""
from __future__ import annotations

import time
import asyncio


async def backoff(attempt: int) -> None:
    await asyncio.sleep(0.5 * attempt)
