"""CPython: subprocesses, console input and sync() block the event loop."""
import asyncio
import os
import subprocess as sp
from subprocess import check_output


async def build():
    sp.run(["make"], check=True)
    version = check_output(["git", "describe"])
    sp.call("sync", shell=True)
    sp.check_call(["true"])
    await asyncio.sleep(0)
    return version


async def confirm():
    answer = input("continue? ")
    os.sync()
    await asyncio.sleep(0)
    return answer == "y"
