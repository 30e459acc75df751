"""A CPython helper: `import asyncio` goes after the __future__ import and the others."""
from __future__ import annotations

import time


async def backoff(attempt: int) -> None:
    time.sleep(0.5 * attempt)
