"""Names that hide the time module or its sleep: not findings."""
import time
from time import sleep


async def with_parameter(time):
    time.sleep(1)


async def with_local():
    sleep = print
    sleep(1)


async def with_assignment(clock):
    time = clock
    time.sleep(1)
