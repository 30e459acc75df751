"""CPython: requests and urllib wait for the whole HTTP exchange with the loop stopped."""
import asyncio
import urllib.request

import requests


async def report(value):
    requests.post("http://192.0.2.1/value", json={"v": value})
    await asyncio.sleep(0)


async def page(url):
    with urllib.request.urlopen(url) as response:
        await asyncio.sleep(0)
        return response.read()
